//! ZIA locations area: locations and sub-locations, location groups, static IPs, GRE tunnels
//! (VIP recommendations, internal ranges), VPN credentials and geo lookups.

mod common;

use common::arr;

use serde_json::{Value, json};

#[tokio::test]
async fn locations_list_search_lite_get_and_sublocations() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/locations").await;
    assert_eq!(arr(&all).len(), 8);
    let hq = &all[0];
    assert_eq!(hq["name"], "HQ San Jose");
    assert_eq!(hq["ipAddresses"], json!(["203.0.113.10"]));
    for key in [
        "tz",
        "country",
        "vpnCredentials",
        "childCount",
        "profile",
        "description",
    ] {
        assert!(hq.get(key).is_some(), "location lacks {key}");
    }
    let hits = c.ok("/zia/api/v1/locations?search=OFFICE").await;
    let names: Vec<&str> = arr(&hits)
        .iter()
        .map(|l| l["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["London Office", "Sydney Office", "New York Office"]);
    let lite = c.ok("/zia/api/v1/locations/lite").await;
    assert_eq!(arr(&lite).len(), 8);
    assert_eq!(
        lite[1],
        json!({"id": all[1]["id"], "name": "London Office"})
    );
    let id = hq["id"].as_i64().expect("integer id");
    let one = c.ok(&format!("/zia/api/v1/locations/{id}")).await;
    assert_eq!(one["name"], "HQ San Jose");
    let subs = c
        .ok(&format!("/zia/api/v1/locations/{id}/sublocations"))
        .await;
    assert_eq!(arr(&subs).len(), 2);
    assert!(arr(&subs).iter().all(|s| s["parentId"] == id));
    assert_eq!(subs[0]["name"], "HQ San Jose - Guest Wifi");
    // A location without sub-locations, and an unknown parent.
    let none = c
        .ok(&format!(
            "/zia/api/v1/locations/{}/sublocations",
            all[4]["id"]
        ))
        .await;
    assert!(arr(&none).is_empty());
    let (status, body) = c.get("/zia/api/v1/locations/999/sublocations").await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = c.get("/zia/api/v1/locations/999").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("RESOURCE_NOT_FOUND"))
    );
}

#[tokio::test]
async fn locations_page_at_the_edges() {
    let c = common::start().await;
    let p1 = c.ok("/zia/api/v1/locations?page=1&pageSize=3").await;
    let p3 = c.ok("/zia/api/v1/locations?page=3&pageSize=3").await;
    let p4 = c.ok("/zia/api/v1/locations?page=4&pageSize=3").await;
    assert_eq!(arr(&p1).len(), 3);
    assert_eq!(p1[0]["name"], "HQ San Jose");
    assert_eq!(arr(&p3).len(), 2);
    assert_eq!(p3[1]["name"], "Tokyo Branch");
    assert!(arr(&p4).is_empty());
    for bad in ["pageSize=0", "page=0", "pageSize=abc"] {
        let (status, body) = c.get(&format!("/zia/api/v1/locations?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["code"], "INVALID_INPUT_ARGUMENT");
    }
}

#[tokio::test]
async fn location_crud_requires_provisioned_unshared_static_ips() {
    let c = common::start().await;
    let body = json!({"name": "Paris Office", "country": "FRANCE", "tz": "FRANCE_EUROPE_PARIS",
        "ipAddresses": ["198.51.100.77"], "description": "new"});
    let (status, err) = c
        .call("POST", "/zia/api/v1/locations", Some(body.clone()))
        .await;
    assert_eq!(status, 400, "{err}");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("198.51.100.77")
    );
    let (status, ip) = c
        .call(
            "POST",
            "/zia/api/v1/staticIP",
            Some(json!({"ipAddress": "198.51.100.77", "comment": "Paris"})),
        )
        .await;
    assert_eq!(status, 200, "{ip}");
    let (status, created) = c
        .call("POST", "/zia/api/v1/locations", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["tz"], "FRANCE_EUROPE_PARIS");
    assert_eq!(created["childCount"], 0);
    assert_eq!(created["authRequired"], false);
    assert_eq!(c.ok("/zia/api/v1/status").await["status"], "PENDING");
    // Same name: 409. Another location's IP: 409.
    let (status, err) = c.call("POST", "/zia/api/v1/locations", Some(body)).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("DUPLICATE_ITEM"))
    );
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/locations",
            Some(json!({"name": "Clone", "ipAddresses": ["203.0.113.10"]})),
        )
        .await;
    assert_eq!(status, 409, "{err}");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("HQ San Jose")
    );
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/locations",
            Some(json!({"country": "FRANCE"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().expect("message").contains("'name'"));
    // Full replacement.
    let path = format!("/zia/api/v1/locations/{id}");
    let (status, replaced) = c
        .call(
            "PUT",
            &path,
            Some(json!({"name": "Paris HQ", "ipAddresses": ["198.51.100.77"]})),
        )
        .await;
    assert_eq!(status, 200, "{replaced}");
    assert_eq!(replaced["name"], "Paris HQ");
    assert_eq!(replaced["tz"], "NOT_SPECIFIED");
    assert_eq!(replaced["description"], Value::Null);
    assert_eq!(c.ok(&path).await["name"], "Paris HQ");
    let (status, _) = c.call("DELETE", &path, Some(json!({}))).await;
    assert_eq!(status, 204);
    assert_eq!(c.get(&path).await.0, 404);
    // Deleting a location removes its sub-locations.
    let hq = c.ok("/zia/api/v1/locations").await[0]["id"].clone();
    let (status, _) = c
        .call("DELETE", &format!("/zia/api/v1/locations/{hq}"), None)
        .await;
    assert_eq!(status, 204);
    assert_eq!(
        c.get(&format!("/zia/api/v1/locations/{hq}/sublocations"))
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn location_groups_filter_and_get() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/locations/groups").await;
    assert_eq!(arr(&all).len(), 6);
    let europe = c
        .ok("/zia/api/v1/locations/groups?name=europe%20offices")
        .await;
    assert_eq!(arr(&europe).len(), 1);
    assert_eq!(europe[0]["groupType"], "STATIC_GROUP");
    let members: Vec<&str> = arr(&europe[0]["locations"])
        .iter()
        .map(|l| l["name"].as_str().expect("name"))
        .collect();
    assert_eq!(members, ["London Office", "Frankfurt DC"]);
    let partial = c.ok("/zia/api/v1/locations/groups?name=Europe").await;
    assert!(arr(&partial).is_empty(), "name is an exact match");
    let traffic = c.ok("/zia/api/v1/locations/groups?search=traffic").await;
    assert_eq!(arr(&traffic).len(), 3);
    let id = all[0]["id"].as_i64().expect("id");
    let one = c.ok(&format!("/zia/api/v1/locations/groups/{id}")).await;
    assert_eq!(one["name"], "Corporate User Traffic Group");
    assert_eq!(
        one["dynamicLocationGroupCriteria"]["profiles"],
        json!(["CORPORATE"])
    );
    let lite = c.ok("/zia/api/v1/locations/groups/lite").await;
    assert_eq!(
        lite[0],
        json!({"id": id, "name": "Corporate User Traffic Group"})
    );
    assert_eq!(c.get("/zia/api/v1/locations/groups/1").await.0, 404);
}

#[tokio::test]
async fn static_ips_carry_every_key_and_validate() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/staticIP").await;
    assert_eq!(arr(&all).len(), 10);
    for ip in arr(&all) {
        for key in [
            "id",
            "ipAddress",
            "geoOverride",
            "latitude",
            "longitude",
            "city",
            "routableIP",
            "lastModificationTime",
            "lastModifiedBy",
            "managedBy",
            "comment",
        ] {
            assert!(ip.get(key).is_some(), "static IP lacks {key}: {ip}");
        }
    }
    assert_eq!(all[1]["city"]["name"], "London, England, United Kingdom");
    let one = c.ok("/zia/api/v1/staticIP?ipAddress=203.0.113.12").await;
    assert_eq!(arr(&one).len(), 1);
    assert_eq!(one[0]["city"]["name"], "Frankfurt am Main, Hesse, Germany");
    let spare = c.ok("/zia/api/v1/staticIP?search=198.51").await;
    assert_eq!(arr(&spare).len(), 2);
    for (body, field) in [
        (json!({"ipAddress": "not-an-ip"}), "ipAddress"),
        (json!({"ipAddress": "10.1.2.3"}), "ipAddress"),
        (json!({"comment": "no ip"}), "'ipAddress'"),
        (
            json!({"ipAddress": "198.51.100.90", "geoOverride": true, "longitude": 2.35}),
            "latitude",
        ),
    ] {
        let (status, err) = c.call("POST", "/zia/api/v1/staticIP", Some(body)).await;
        assert_eq!(status, 400, "{err}");
        assert!(
            err["message"].as_str().expect("message").contains(field),
            "{err}"
        );
    }
    let (status, dup) = c
        .call(
            "POST",
            "/zia/api/v1/staticIP",
            Some(json!({"ipAddress": "203.0.113.10"})),
        )
        .await;
    assert_eq!(
        (status, dup["code"].as_str()),
        (409, Some("DUPLICATE_ITEM"))
    );
    let (status, created) = c
        .call(
            "POST",
            "/zia/api/v1/staticIP",
            Some(json!({"ipAddress": "198.51.100.90", "geoOverride": true,
            "latitude": "48.85", "longitude": "2.35", "routableIP": false, "comment": "Paris"})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["latitude"], 48.85);
    assert_eq!(created["routableIP"], false);
    let path = format!("/zia/api/v1/staticIP/{}", created["id"]);
    let (status, updated) = c
        .call(
            "PUT",
            &path,
            Some(json!({"ipAddress": "198.51.100.90", "comment": "Paris 2"})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["comment"], "Paris 2");
    assert_eq!(updated["geoOverride"], false);
    let (status, _) = c
        .call("PUT", &path, Some(json!({"ipAddress": "198.51.100.91"})))
        .await;
    assert_eq!(status, 400);
    // In use by a location (and a tunnel): refused. Unused: 204.
    let (status, err) = c
        .call(
            "DELETE",
            &format!("/zia/api/v1/staticIP/{}", all[5]["id"]),
            None,
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert!(
        err["message"]
            .as_str()
            .expect("message")
            .contains("Sydney Office")
    );
    let (status, _) = c.call("DELETE", &path, None).await;
    assert_eq!(status, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn gre_tunnel_flow_as_the_sdk_runs_it() {
    let c = common::start().await;
    let tunnels = c.ok("/zia/api/v1/greTunnels").await;
    assert_eq!(arr(&tunnels).len(), 4);
    for t in arr(&tunnels) {
        for key in [
            "lastModifiedBy",
            "managedBy",
            "primaryDestVip",
            "secondaryDestVip",
            "internalIpRange",
            "comment",
        ] {
            assert!(t.get(key).is_some(), "tunnel lacks {key}");
        }
    }
    let source = "198.51.100.21";
    let ip = c
        .ok(&format!("/zia/api/v1/staticIP?ipAddress={source}"))
        .await;
    assert_eq!(arr(&ip).len(), 1);
    let ranges = c
        .ok(&format!(
            "/zia/api/v1/greTunnels/availableInternalIpRanges?staticIp={source}"
        ))
        .await;
    assert_eq!(arr(&ranges).len(), 20);
    // Seeded tunnels use the first four /29s.
    assert_eq!(
        ranges[0],
        json!({"startIPAddress": "172.17.0.32", "endIPAddress": "172.17.0.39"})
    );
    let limited = c
        .ok("/zia/api/v1/greTunnels/availableInternalIpRanges?internalIpRange=172.17.1.0&limit=2")
        .await;
    assert_eq!(
        arr(&limited)
            .iter()
            .map(|r| r["startIPAddress"].clone())
            .collect::<Vec<_>>(),
        [json!("172.17.1.0"), json!("172.17.1.8")]
    );
    assert_eq!(
        c.get("/zia/api/v1/greTunnels/availableInternalIpRanges?limit=0")
            .await
            .0,
        400
    );
    let vips = c
        .ok(&format!(
            "/zia/api/v1/vips/recommendedList?sourceIp={source}"
        ))
        .await;
    assert!(arr(&vips).len() >= 2);
    assert_ne!(vips[0]["city"], vips[1]["city"]);
    assert!(vips[0]["virtualIp"].is_string() && vips[0]["id"].is_i64());
    assert_eq!(c.get("/zia/api/v1/vips/recommendedList").await.0, 400);
    let body = json!({"sourceIp": source, "comment": "Branch tunnel", "ipUnnumbered": false,
        "internalIpRange": ranges[0]["startIPAddress"], "primaryDestVip": {"id": vips[0]["id"]},
        "secondaryDestVip": {"id": vips[1]["id"]}});
    let (status, created) = c
        .call("POST", "/zia/api/v1/greTunnels", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["primaryDestVip"]["virtualIp"], vips[0]["virtualIp"]);
    assert_eq!(created["secondaryDestVip"]["city"], vips[1]["city"]);
    assert_eq!(created["internalIpRange"], "172.17.0.32");
    assert!(created["lastModifiedBy"]["name"].is_string());
    let path = format!("/zia/api/v1/greTunnels/{}", created["id"]);
    assert_eq!(c.ok(&path).await["sourceIp"], source);
    let next = c
        .ok("/zia/api/v1/greTunnels/availableInternalIpRanges?limit=1")
        .await;
    assert_eq!(next[0]["startIPAddress"], "172.17.0.40");
    let (status, dup) = c.call("POST", "/zia/api/v1/greTunnels", Some(body)).await;
    assert_eq!(status, 409, "{dup}");
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/greTunnels",
            Some(json!({"sourceIp": "198.51.100.99"})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/greTunnels",
            Some(json!({"sourceIp": source, "primaryDestVip": {"id": 1}})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    // The static IP is in use until the tunnel goes.
    let ip_path = format!("/zia/api/v1/staticIP/{}", ip[0]["id"]);
    assert_eq!(c.call("DELETE", &ip_path, None).await.0, 400);
    assert_eq!(c.call("DELETE", &path, Some(json!({}))).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
    assert_eq!(c.call("DELETE", &ip_path, Some(json!({}))).await.0, 204);
}

#[tokio::test]
async fn vpn_credentials_crud() {
    let c = common::start().await;
    let all = c.ok("/zia/api/v1/vpnCredentials").await;
    assert_eq!(arr(&all).len(), 9);
    assert_eq!(all[0]["fqdn"], "hq-san-jose@example.com");
    assert_eq!(all[0]["preSharedKey"], Value::Null);
    let hits = c.ok("/zia/api/v1/vpnCredentials?search=london").await;
    assert_eq!(arr(&hits).len(), 1);
    let by_ip = c
        .ok("/zia/api/v1/vpnCredentials?search=198.51.100.20")
        .await;
    assert_eq!(by_ip[0]["type"], "IP");
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/vpnCredentials",
            Some(json!({"type": "UFQDN", "preSharedKey": "k"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().expect("message").contains("'fqdn'"));
    let (status, err) = c
        .call(
            "POST",
            "/zia/api/v1/vpnCredentials",
            Some(json!({"type": "PSK"})),
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let body = json!({"type": "UFQDN", "fqdn": "branch1@example.com", "preSharedKey": "s3cret", "comments": "c"});
    let (status, created) = c
        .call("POST", "/zia/api/v1/vpnCredentials", Some(body.clone()))
        .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(
        created["preSharedKey"],
        Value::Null,
        "the key is never returned"
    );
    let (status, _) = c
        .call("POST", "/zia/api/v1/vpnCredentials", Some(body))
        .await;
    assert_eq!(status, 409);
    let path = format!("/zia/api/v1/vpnCredentials/{}", created["id"]);
    let (status, updated) = c
        .call(
            "PUT",
            &path,
            Some(json!({"comments": "rotated", "preSharedKey": "n3w"})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["comments"], "rotated");
    assert_eq!(updated["fqdn"], "branch1@example.com");
    assert_eq!(c.ok(&path).await["comments"], "rotated");
    let (status, err) = c
        .call(
            "DELETE",
            &format!("/zia/api/v1/vpnCredentials/{}", all[0]["id"]),
            None,
        )
        .await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(c.call("DELETE", &path, None).await.0, 204);
    assert_eq!(c.get(&path).await.0, 404);
}

#[tokio::test]
async fn geo_lookups() {
    let c = common::start().await;
    let paris_ish = c
        .ok("/zia/api/v1/region/byGeoCoordinates?latitude=50.0&longitude=8.5")
        .await;
    assert_eq!(paris_ish["cityName"], "Frankfurt am Main");
    assert_eq!(paris_ish["countryCode"], "DE");
    let sydney = c.ok("/zia/api/v1/region/byIPAddress/203.0.113.15").await;
    assert_eq!(sydney["cityName"], "Sydney");
    for key in [
        "cityGeoId",
        "stateGeoId",
        "latitude",
        "longitude",
        "stateName",
        "countryName",
        "postalCode",
        "continentCode",
    ] {
        assert!(sydney.get(key).is_some(), "region lacks {key}");
    }
    let found = c.ok("/zia/api/v1/region/search?prefix=sa").await;
    let names: Vec<&str> = arr(&found)
        .iter()
        .map(|r| r["cityName"].as_str().expect("city"))
        .collect();
    assert_eq!(names, ["San Jose", "Sao Paulo"]);
    assert_eq!(
        c.get("/zia/api/v1/region/byGeoCoordinates?latitude=91&longitude=0")
            .await
            .0,
        400
    );
    assert_eq!(
        c.get("/zia/api/v1/region/byGeoCoordinates?latitude=10")
            .await
            .0,
        400
    );
    assert_eq!(c.get("/zia/api/v1/region/byIPAddress/nope").await.0, 400);
}
