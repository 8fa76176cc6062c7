//! ZIA administration area: users, groups, departments, rule labels, time intervals, devices,
//! mobile threat settings, workload groups and activation of their writes.

mod common;

use common::{arr, names};

use serde_json::{Value, json};

#[tokio::test]
async fn users_filter_get_and_reference_real_groups() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/users").await;
    assert_eq!(arr(&all).len(), 25);
    let first = &all[0];
    assert_eq!(first["id"], 70_000_001);
    for key in [
        "name",
        "email",
        "department",
        "groups",
        "comments",
        "tempAuthEmail",
        "adminUser",
        "type",
        "deleted",
    ] {
        assert!(first.get(key).is_some(), "user lacks {key}");
    }
    let depts = c.ok("/zia/api/v1/departments").await;
    let groups = c.ok("/zia/api/v1/groups").await;
    for u in arr(&all) {
        assert!(
            arr(&depts)
                .iter()
                .any(|d| d["id"] == u["department"]["id"] && d["name"] == u["department"]["name"])
        );
        for g in arr(&u["groups"]) {
            assert!(
                arr(&groups).iter().any(|x| x["id"] == g["id"]),
                "unknown group {g}"
            );
        }
    }
    let dept = first["department"]["name"].as_str().expect("dept");
    let by_dept = c
        .ok(&format!(
            "/zia/api/v1/users?dept={}",
            dept.replace(' ', "%20")
        ))
        .await;
    assert!(!arr(&by_dept).is_empty());
    assert!(
        arr(&by_dept)
            .iter()
            .all(|u| u["department"]["name"] == dept)
    );
    let by_group = c.ok("/zia/api/v1/users?group=contractors").await;
    assert!(
        arr(&by_group)
            .iter()
            .all(|u| arr(&u["groups"]).iter().any(|g| g["name"] == "Contractors"))
    );
    let by_name = c.ok("/zia/api/v1/users?name=00007").await;
    assert_eq!(arr(&by_name).len(), 1);
    assert_eq!(by_name[0]["id"], 70_000_008);
    let one = c.ok("/zia/api/v1/users/70000003").await;
    assert_eq!(one["email"], all[2]["email"]);
    let (status, body) = c.get("/zia/api/v1/users/1").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("RESOURCE_NOT_FOUND"))
    );
}

/// Paging at the edges of a scaled user list. (`--scale 50000` pages the same way; it is kept
/// smaller here so the test stays fast in debug builds.)
#[tokio::test]
async fn users_scale_and_page_at_the_edges() {
    let c = common::start_with(zscaler_sandbox::SandboxConfig {
        scale: 1_000,
        ..Default::default()
    })
    .await;
    // 100 per page by default.
    let first = c.ok("/zia/api/v1/users").await;
    assert_eq!(arr(&first).len(), 100);
    assert_eq!(first[0]["id"], 70_000_001);
    let last = c.ok("/zia/api/v1/users?page=10").await;
    assert_eq!(arr(&last).len(), 100);
    assert_eq!(last[99]["id"], 70_001_000);
    let partial = c.ok("/zia/api/v1/users?page=2&pageSize=600").await;
    assert_eq!(arr(&partial).len(), 400);
    assert_eq!(partial[0]["id"], 70_000_601);
    let past = c.ok("/zia/api/v1/users?page=11").await;
    assert!(arr(&past).is_empty());
    let filtered = c.ok("/zia/api/v1/users?name=00999&pageSize=10").await;
    assert_eq!(arr(&filtered).len(), 1);
    assert_eq!(filtered[0]["id"], 70_001_000);
    for bad in ["pageSize=10001", "pageSize=0", "page=0", "page=x"] {
        let (status, body) = c.get(&format!("/zia/api/v1/users?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");
    }
    // Devices grow with the users and reference them.
    let devices = c
        .ok("/zia/api/v1/deviceGroups/devices?page=10&pageSize=100")
        .await;
    assert_eq!(arr(&devices).len(), 100);
    assert_eq!(devices[99]["ownerUserId"], 70_001_000);
}

#[tokio::test]
async fn departments_and_groups_search_sort_and_lite() {
    let c = common::start().await;
    let depts = c.ok("/zia/api/v1/departments").await;
    assert_eq!(arr(&depts).len(), 8);
    let hits = c
        .ok("/zia/api/v1/departments?search=in&limitSearch=true")
        .await;
    assert_eq!(
        names(&hits),
        ["Engineering", "Finance", "Marketing", "Service Admin"]
    );
    let sorted = c
        .ok("/zia/api/v1/departments?sortBy=name&sortOrder=desc&page=1&pageSize=3")
        .await;
    assert_eq!(names(&sorted), ["Service Admin", "Sales", "Marketing"]);
    assert_eq!(c.get("/zia/api/v1/departments?sortBy=color").await.0, 400);
    assert_eq!(c.get("/zia/api/v1/departments?sortOrder=up").await.0, 400);
    let one = c.ok("/zia/api/v1/departments/81000002").await;
    assert_eq!(one["name"], "Finance");
    assert!(one.get("comments").is_some() && one.get("idpId").is_some());
    let lite = c.ok("/zia/api/v1/departments/lite/81000002").await;
    assert_eq!(lite, json!({"id": 81_000_002, "name": "Finance"}));
    assert_eq!(c.get("/zia/api/v1/departments/lite/5").await.0, 404);
    let groups = c.ok("/zia/api/v1/groups").await;
    assert_eq!(arr(&groups).len(), 10);
    let sales = c.ok("/zia/api/v1/groups?search=sales&sortBy=name").await;
    assert_eq!(names(&sales), ["Sales Americas", "Sales EMEA"]);
    let system = c.ok("/zia/api/v1/groups?definedBy=system").await;
    assert_eq!(names(&system), ["Service Admin"]);
    let page = c.ok("/zia/api/v1/groups?page=2&pageSize=4").await;
    assert_eq!(arr(&page).len(), 4);
    assert_eq!(page[0]["name"], "IT Admins");
    assert_eq!(
        c.ok("/zia/api/v1/groups/82000007").await["name"],
        "Executives"
    );
    assert_eq!(c.get("/zia/api/v1/groups/82000099").await.0, 404);
}

#[tokio::test]
async fn rule_labels_crud() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/ruleLabels").await;
    assert_eq!(arr(&all).len(), 6);
    assert!(all[0]["createdBy"]["name"].is_string());
    let hits = c.ok("/zia/api/v1/ruleLabels?search=TEAM").await;
    assert_eq!(names(&hits), ["Security Team"]);
    let (status, created) = c
        .call(
            "POST",
            "/zia/api/v1/ruleLabels",
            Some(json!({"name": "Sandbox Label", "description": "d"})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["referencedRuleCount"], 0);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    assert_eq!(
        c.call(
            "POST",
            "/zia/api/v1/ruleLabels",
            Some(json!({"name": "pci scope"}))
        )
        .await
        .0,
        409
    );
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/ruleLabels",
            Some(json!({"description": "x"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().expect("message").contains("'name'"));
    let path = format!("/zia/api/v1/ruleLabels/{}", created["id"]);
    let (status, replaced) = c
        .call("PUT", &path, Some(json!({"name": "Renamed Label"})))
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["description"], Value::Null);
    assert_eq!(c.ok(&path).await["name"], "Renamed Label");
    assert_eq!(c.call("DELETE", &path, Some(json!({}))).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn time_intervals_crud_validation_and_paging() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/timeIntervals").await;
    assert_eq!(arr(&all).len(), 5);
    assert_eq!(
        all[0],
        json!({"id": 4_400_001, "name": "Business Hours", "startTime": 480, "endTime": 1080,
        "daysOfWeek": ["MON", "TUE", "WED", "THU", "FRI"]})
    );
    let page = c.ok("/zia/api/v1/timeIntervals?page=2&pageSize=3").await;
    assert_eq!(names(&page), ["Lunch Break", "Maintenance Window"]);
    assert_eq!(
        names(&c.ok("/zia/api/v1/timeIntervals?search=hours").await),
        ["Business Hours", "After Hours"]
    );
    let body = json!({"name": "Night", "startTime": 0, "endTime": 360, "daysOfWeek": ["EVERYDAY"]});
    let (status, created) = c
        .call("POST", "/zia/api/v1/timeIntervals", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(
        c.call("POST", "/zia/api/v1/timeIntervals", Some(body))
            .await
            .0,
        409
    );
    for (bad, field) in [
        (
            json!({"name": "x", "startTime": 0, "endTime": 1440, "daysOfWeek": ["MON"]}),
            "endTime",
        ),
        (
            json!({"name": "x", "startTime": 0, "endTime": 10, "daysOfWeek": ["MONDAY"]}),
            "daysOfWeek",
        ),
        (
            json!({"name": "x", "startTime": 0, "daysOfWeek": ["MON"]}),
            "'endTime'",
        ),
    ] {
        let (status, err) = c.call("POST", "/zia/api/v1/timeIntervals", Some(bad)).await;
        assert_eq!(status, 400, "{err}");
        assert!(
            err["message"].as_str().expect("message").contains(field),
            "{err}"
        );
    }
    let path = format!("/zia/api/v1/timeIntervals/{}", created["id"]);
    let (status, replaced) = c
        .call("PUT", &path, Some(json!({"name": "Night", "startTime": 60, "endTime": 300, "daysOfWeek": ["SAT", "SUN"]})))
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(c.ok(&path).await["daysOfWeek"], json!(["SAT", "SUN"]));
    assert_eq!(
        c.call(
            "PUT",
            &path,
            Some(json!({"name": "Night", "startTime": -1, "endTime": 1, "daysOfWeek": ["SAT"]}))
        )
        .await
        .0,
        400
    );
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.call("DELETE", &path, None).await.0, 404);
}

#[tokio::test]
async fn device_groups_and_devices() {
    let c = common::start().await;
    let groups = c.ok("/zia/api/v1/deviceGroups").await;
    assert_eq!(
        names(&groups),
        ["IOS", "Android", "Windows", "Mac", "Linux"]
    );
    assert_eq!(groups[0]["deviceCount"], Value::Null);
    let with_pseudo = c
        .ok("/zia/api/v1/deviceGroups?includePseudoGroups=True&includeDeviceInfo=True")
        .await;
    assert_eq!(arr(&with_pseudo).len(), 7);
    let counted: i64 = arr(&with_pseudo)
        .iter()
        .map(|g| g["deviceCount"].as_i64().expect("count"))
        .sum();
    assert_eq!(counted, 40);
    assert_eq!(
        arr(&with_pseudo[2]["deviceNames"]).len() as i64,
        with_pseudo[2]["deviceCount"].as_i64().expect("count")
    );
    assert_eq!(
        c.get("/zia/api/v1/deviceGroups?includePseudoGroups=yes")
            .await
            .0,
        400
    );
    let devices = c.ok("/zia/api/v1/deviceGroups/devices").await;
    assert_eq!(arr(&devices).len(), 40);
    let users = c.ok("/zia/api/v1/users").await;
    for d in arr(&devices) {
        let owner = arr(&users)
            .iter()
            .find(|u| u["id"] == d["ownerUserId"])
            .expect("owner is a user");
        assert_eq!(owner["name"], d["ownerName"]);
    }
    let mine = c
        .ok("/zia/api/v1/deviceGroups/devices?userIds=70000001,70000002")
        .await;
    assert_eq!(
        arr(&mine).len(),
        4,
        "users 1 and 2 own devices 1, 2, 26 and 27"
    );
    let repeated = c
        .ok("/zia/api/v1/deviceGroups/devices?userIds=70000001&userIds=70000002&includeAll=true")
        .await;
    assert_eq!(repeated, mine);
    let named = c
        .ok(&format!(
            "/zia/api/v1/deviceGroups/devices?name={}",
            devices[5]["name"].as_str().expect("name")
        ))
        .await;
    assert_eq!(named[0]["id"], devices[5]["id"]);
    let page = c
        .ok("/zia/api/v1/deviceGroups/devices?page=4&pageSize=12")
        .await;
    assert_eq!(arr(&page).len(), 4);
    assert_eq!(
        c.get("/zia/api/v1/deviceGroups/devices?userIds=abc")
            .await
            .0,
        400
    );
    let lite = c.ok("/zia/api/v1/deviceGroups/devices/lite").await;
    assert_eq!(
        lite[0],
        json!({"id": devices[0]["id"], "name": devices[0]["name"]})
    );
}

#[tokio::test]
async fn mobile_settings_replace_and_activate() {
    let c = common::start().await;
    let before = c.ok("/zia/api/v1/mobileAdvanceThreatSettings").await;
    assert_eq!(before["blockAppsWithMaliciousActivity"], true);
    assert_eq!(before["traceSetting"], false);
    let (status, after) = c
        .call(
            "PUT",
            "/zia/api/v1/mobileAdvanceThreatSettings",
            Some(json!({"traceSetting": true})),
        )
        .await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["traceSetting"], true);
    assert_eq!(
        after["blockAppsWithMaliciousActivity"], false,
        "PUT is a full replacement"
    );
    assert_eq!(c.ok("/zia/api/v1/mobileAdvanceThreatSettings").await, after);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    let (status, _) = c
        .call("POST", "/zia/api/v1/status/activate", Some(json!({})))
        .await;
    assert_eq!(status, 200);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "ACTIVE");
    for bad in [
        json!({"traceSetting": "yes"}),
        json!({"unknown": true}),
        json!([true]),
    ] {
        let (status, err) = c
            .call("PUT", "/zia/api/v1/mobileAdvanceThreatSettings", Some(bad))
            .await;
        assert_eq!(status, 400, "{err}");
    }
}

#[tokio::test]
async fn workload_groups_list_page_and_get() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/workloadGroups").await;
    assert_eq!(arr(&all).len(), 6);
    assert_eq!(all[0]["expression"], "ATTR.env = \"prod\"");
    assert_eq!(
        all[0]["expressionJson"]["expressionContainers"][0]["tagContainer"]["tags"][0]["value"],
        "prod"
    );
    let page = c.ok("/zia/api/v1/workloadGroups?page=2&pageSize=4").await;
    assert_eq!(names(&page), ["Payment Workloads", "Legacy Datacenter"]);
    assert!(arr(&c.ok("/zia/api/v1/workloadGroups?page=3&pageSize=4").await).is_empty());
    assert_eq!(c.get("/zia/api/v1/workloadGroups?pageSize=0").await.0, 400);
    let id = all[2]["id"].as_i64().expect("id");
    assert_eq!(
        c.ok(&format!("/zia/api/v1/workloadGroups/{id}")).await["name"],
        "Azure Finance VMs"
    );
    assert_eq!(c.get("/zia/api/v1/workloadGroups/1").await.0, 404);
}
