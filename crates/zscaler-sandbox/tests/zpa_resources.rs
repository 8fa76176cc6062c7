//! ZPA resource families over HTTP: CRUD persistence, full replacement, references between
//! resources, server-managed fields, in-use deletes, 400/404/409 shapes, and the read-only and
//! computed endpoints (enrollment certs, IdPs, SCIM, SAML, posture, networks, CBI, LSS).

mod common;

use serde_json::{Value, json};

const V1: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}";
const V2: &str = "/zpa/mgmtconfig/v2/admin/customers/{customerId}";

fn v1(path: &str) -> String {
    format!("{V1}{path}")
}
fn v2(path: &str) -> String {
    format!("{V2}{path}")
}
fn list(body: &Value) -> &Vec<Value> {
    body["list"].as_array().expect("list array")
}
fn id(v: &Value) -> String {
    v["id"].as_str().expect("string id").to_string()
}

async fn first(c: &common::Client, path: &str) -> Value {
    let body = c.ok(path).await;
    list(&body).first().expect("a record").clone()
}

async fn by_name(c: &common::Client, path: &str, name: &str) -> Value {
    let q = name.replace(' ', "+");
    let sep = if path.contains('?') { '&' } else { '?' };
    let body = c.ok(&format!("{path}{sep}search=name%2BEQ%2B{q}")).await;
    assert_eq!(list(&body).len(), 1, "{name}: {body}");
    list(&body)[0].clone()
}

async fn send(c: &common::Client, method: &str, path: &str, body: Value) -> (u16, Value) {
    c.call(method, path, Some(body)).await
}

#[tokio::test]
async fn segment_groups_crud_and_v2_update() {
    let c = common::start().await;
    let (status, created) = send(
        &c,
        "POST",
        &v1("/segmentGroup"),
        json!({"name": "Test SG", "enabled": true, "description": "first", "microtenantId": null}),
    )
    .await;
    assert_eq!(status, 200, "{created}");
    let sg = id(&created);
    assert_eq!(created["microtenantName"], "Default");
    assert_eq!(created["applications"], json!([]));
    assert!(
        created["creationTime"]
            .as_str()
            .expect("time")
            .parse::<u64>()
            .is_ok()
    );
    // v2 update is a full replacement; explicit nulls are stored.
    let (status, updated) = send(
        &c,
        "PUT",
        &v2(&format!("/segmentGroup/{sg}")),
        json!({"name": "Test SG 2", "description": null, "enabled": false, "microtenantId": null}),
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["description"], Value::Null);
    assert_eq!(updated["enabled"], false);
    assert_eq!(updated["creationTime"], created["creationTime"]);
    let got = c.ok(&v1(&format!("/segmentGroup/{sg}"))).await;
    assert_eq!(got["name"], "Test SG 2");
    // The SDK's all-null update: name is required.
    let (status, body) = send(
        &c,
        "PUT",
        &v2(&format!("/segmentGroup/{sg}")),
        json!({"name": null, "description": null, "enabled": null}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body["reason"].as_str().expect("reason").contains("'name'"));
    let (status, body) = send(&c, "DELETE", &v1(&format!("/segmentGroup/{sg}")), json!({})).await;
    assert_eq!((status, body), (204, Value::Null));
    let (status, _) = c.get(&v1(&format!("/segmentGroup/{sg}"))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_segment_group_holding_app_segments_cannot_be_deleted() {
    let c = common::start().await;
    // A group holding app segments cannot be deleted.
    let corp = by_name(&c, &v1("/segmentGroup"), "Corporate Apps").await;
    assert!(!corp["applications"].as_array().expect("apps").is_empty());
    let (status, body) = send(
        &c,
        "DELETE",
        &v1(&format!("/segmentGroup/{}", id(&corp))),
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn a_duplicate_segment_group_name_is_409() {
    let c = common::start().await;
    // Duplicate name: 409.
    let (status, body) = send(
        &c,
        "POST",
        &v1("/segmentGroup"),
        json!({"name": "Corporate Apps"}),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["id"], "resource.already.exists");
}

#[tokio::test]
async fn app_segments_crud_lists_them_in_their_groups() {
    let c = common::start().await;
    let sg = by_name(&c, &v1("/segmentGroup"), "Finance Systems").await;
    let srv = by_name(&c, &v1("/serverGroup"), "SG-Databases").await;
    let body = json!({
        "name": "Ledger", "description": "ledger app", "enabled": true,
        "domainNames": ["ledger.fin.example.com"], "segmentGroupId": id(&sg), "microtenantId": null,
        "tcpPortRanges": ["443", "443", "8443", "8444"], "udpPortRanges": [],
        "serverGroups": [{"id": id(&srv)}],
    });
    let (status, created) = send(&c, "POST", &v1("/application"), body.clone()).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["segmentGroupName"], "Finance Systems");
    assert_eq!(
        created["serverGroups"],
        json!([{"id": id(&srv), "name": "SG-Databases"}])
    );
    assert_eq!(
        created["tcpPortRange"],
        json!([{"from": "443", "to": "443"}, {"from": "8443", "to": "8444"}])
    );
    assert_eq!(created["udpPortRange"], json!([]));
    let app = id(&created);
    // The segment group and server group now list it.
    let sg_now = c.ok(&v1(&format!("/segmentGroup/{}", id(&sg)))).await;
    assert!(
        sg_now["applications"]
            .as_array()
            .expect("apps")
            .iter()
            .any(|a| a["id"] == app.as_str())
    );
    let srv_now = c.ok(&v1(&format!("/serverGroup/{}", id(&srv)))).await;
    assert!(
        srv_now["applications"]
            .as_array()
            .expect("apps")
            .iter()
            .any(|a| a["id"] == app.as_str())
    );
    // Update with the SDK's shape (tcpPortRange: [] alongside tcpPortRanges).
    let mut update = body.clone();
    update["tcpPortRanges"] = json!(["22", "22"]);
    update["tcpPortRange"] = json!([]);
    update["udpPortRange"] = json!([]);
    let (status, updated) = send(&c, "PUT", &v1(&format!("/application/{app}")), update).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["tcpPortRange"], json!([{"from": "22", "to": "22"}]));
    assert_eq!(
        c.ok(&v1(&format!("/application/{app}"))).await["tcpPortRanges"],
        json!(["22", "22"])
    );
    // Duplicate name, then delete.
    let (status, _) = send(&c, "POST", &v1("/application"), body).await;
    assert_eq!(status, 409);
    let (status, _) = send(&c, "DELETE", &v1(&format!("/application/{app}")), json!({})).await;
    assert_eq!(status, 204);
    let (status, _) = send(&c, "DELETE", &v1(&format!("/application/{app}")), json!({})).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn app_segments_refuse_bad_ports_references_and_domains() {
    let c = common::start().await;
    let sg = by_name(&c, &v1("/segmentGroup"), "Finance Systems").await;
    let srv = by_name(&c, &v1("/serverGroup"), "SG-Databases").await;
    let body = json!({
        "name": "Ledger", "description": "ledger app", "enabled": true,
        "domainNames": ["ledger.fin.example.com"], "segmentGroupId": id(&sg), "microtenantId": null,
        "tcpPortRanges": ["443", "443", "8443", "8444"], "udpPortRanges": [],
        "serverGroups": [{"id": id(&srv)}],
    });
    // 400s: bad ports, unknown segment group, no domains, no ports.
    for (field, value, needle) in [
        ("tcpPortRanges", json!(["443"]), "pairs"),
        ("tcpPortRanges", json!(["70000", "70000"]), "1-65535"),
        (
            "segmentGroupId",
            json!("216196257331999999"),
            "segmentGroupId",
        ),
        ("domainNames", json!([]), "domainNames"),
        ("serverGroups", json!([{"id": "1"}]), "serverGroups"),
    ] {
        let mut bad = body.clone();
        bad["name"] = json!("Bad app");
        bad[field] = value;
        let (status, err) = send(&c, "POST", &v1("/application"), bad).await;
        assert_eq!(status, 400, "{field}: {err}");
        assert_eq!(err["id"], "invalid.input");
        assert!(
            err["reason"].as_str().expect("reason").contains(needle),
            "{err}"
        );
    }
    let mut no_ports = body.clone();
    no_ports["name"] = json!("No ports");
    no_ports["tcpPortRanges"] = json!([]);
    let (status, _) = send(&c, "POST", &v1("/application"), no_ports).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn browser_access_and_pra_apps_by_type() {
    let c = common::start().await;
    let ba = c.ok(&v1("/application/getAppsByType?applicationType=BROWSER_ACCESS&expandAll=false&pagesize=100")).await;
    let pra = c
        .ok(&v1(
            "/application/getAppsByType?applicationType=SECURE_REMOTE_ACCESS&expandAll=false",
        ))
        .await;
    assert_eq!(ba["totalCount"], "4");
    assert_eq!(pra["totalCount"], "4");
    for app in list(&ba) {
        assert_eq!(app["applicationProtocol"], "HTTPS");
        assert!(app["certificateName"].is_string());
        let seg = c
            .ok(&v1(&format!(
                "/application/{}",
                app["appId"].as_str().expect("appId")
            )))
            .await;
        assert_eq!(seg["clientlessApps"][0]["id"], app["id"]);
    }
    assert!(
        list(&pra)
            .iter()
            .all(|a| ["SSH", "RDP"].contains(&a["applicationProtocol"].as_str().expect("proto")))
    );
    let inspect = c
        .ok(&v1("/application/getAppsByType?applicationType=INSPECT"))
        .await;
    assert!(list(&inspect).is_empty());
    let (status, body) = c
        .get(&v1("/application/getAppsByType?applicationType=NOPE"))
        .await;
    assert_eq!(status, 400, "{body}");
    // Create a BA certificate and a browser-access segment with it.
    let (status, cert) = send(&c, "POST", &v1("/certificate"), json!({"name": "wiki.example.com", "certBlob": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n", "microtenantId": null})).await;
    assert_eq!(status, 200, "{cert}");
    assert!(cert.get("certBlob").is_none());
    assert!(
        !cert["certificate"]
            .as_str()
            .expect("pem")
            .contains("PRIVATE KEY")
    );
    assert_eq!(cert["cName"], "wiki.example.com");
    let sg = by_name(&c, &v1("/segmentGroup"), "Browser Access Apps").await;
    let (status, seg) = send(&c, "POST", &v1("/application"), json!({
        "name": "Wiki", "domainNames": ["wiki.example.com"], "segmentGroupId": id(&sg), "enabled": true,
        "tcpPortRanges": ["443", "443"], "serverGroups": [], "commonAppsDto": null,
        "clientlessAppIds": [{"name": "Wiki BA", "applicationPort": "443", "applicationProtocol": "HTTPS", "certificateId": id(&cert), "domain": "wiki.example.com"}],
    })).await;
    assert_eq!(status, 200, "{seg}");
    assert_eq!(
        seg["clientlessApps"][0]["certificateName"],
        "wiki.example.com"
    );
    let wiki = c
        .ok(&v1(
            "/application/getAppsByType?applicationType=BROWSER_ACCESS&search=name%2BEQ%2BWiki+BA",
        ))
        .await;
    assert_eq!(wiki["totalCount"], "1");
    assert_eq!(list(&wiki)[0]["appId"], seg["id"]);
    // An update with the SDK's `[{}]` keeps the browser-access app.
    let (status, upd) = send(
        &c,
        "PUT",
        &v1(&format!("/application/{}", id(&seg))),
        json!({
            "name": "Wiki", "domainNames": ["wiki.example.com"], "segmentGroupId": id(&sg),
            "tcpPortRanges": ["443", "443"], "tcpPortRange": [], "clientlessAppIds": [{}],
        }),
    )
    .await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(upd["clientlessApps"][0]["name"], "Wiki BA");
    // The certificate is in use now; the listing shows it.
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/certificate/{}", id(&cert))),
        json!({}),
    )
    .await;
    assert_eq!(status, 400);
    let issued = c
        .ok(&v2(
            "/clientlessCertificate/issued?search=name%2BEQ%2Bwiki.example.com",
        ))
        .await;
    assert_eq!(list(&issued)[0]["id"], cert["id"]);
    let (status, body) = send(
        &c,
        "POST",
        &v1("/certificate"),
        json!({"name": "x", "certBlob": "not a pem"}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/application/{}", id(&seg))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/certificate/{}", id(&cert))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = c.get(&v1(&format!("/certificate/{}", id(&cert)))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn server_groups_and_application_servers_lifecycle() {
    let c = common::start().await;
    let acg = first(&c, &v1("/appConnectorGroup")).await;
    let (status, server) = send(&c, "POST", &v1("/server"), json!({"name": "srv-new", "description": "d", "address": "10.1.2.3", "enabled": true, "appServerGroupIds": [], "microtenantId": null})).await;
    assert_eq!(status, 200, "{server}");
    let (status, group) = send(&c, "POST", &v1("/serverGroup"), json!({
        "name": "SG-New", "enabled": true, "dynamicDiscovery": false, "description": "d", "ipAnchored": false,
        "appConnectorGroups": [{"id": id(&acg)}], "servers": [{"id": id(&server)}], "microtenantId": null,
    })).await;
    assert_eq!(status, 200, "{group}");
    assert_eq!(group["servers"][0]["address"], "10.1.2.3");
    assert_eq!(group["appConnectorGroups"][0]["name"], acg["name"]);
    let gid = id(&group);
    // The server sees its group; the connector group sees the server group.
    let srv = c.ok(&v1(&format!("/server/{}", id(&server)))).await;
    assert_eq!(srv["appServerGroupIds"], json!([gid]));
    let acg_now = c.ok(&v1(&format!("/appConnectorGroup/{}", id(&acg)))).await;
    assert!(
        acg_now["serverGroups"]
            .as_array()
            .expect("sgs")
            .iter()
            .any(|g| g["id"] == gid.as_str())
    );
    // The SDK's update: GET then PUT the record back with changes and explicit nulls.
    let mut back = c.ok(&v1(&format!("/serverGroup/{gid}"))).await;
    back["name"] = json!("SG-New-Renamed");
    back["creationTime"] = Value::Null;
    back["modifiedTime"] = Value::Null;
    back["extranetDTO"] = Value::Null;
    let (status, updated) = send(&c, "PUT", &v1(&format!("/serverGroup/{gid}")), back).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["name"], "SG-New-Renamed");
    assert_eq!(updated["creationTime"], group["creationTime"]);
    // A server in a group cannot be deleted; the group can, then the server.
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/server/{}", id(&server))),
        json!({}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(&c, "DELETE", &v1(&format!("/serverGroup/{gid}")), json!({})).await;
    assert_eq!(status, 204);
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/server/{}", id(&server))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn application_servers_need_an_address() {
    let c = common::start().await;
    let (status, body) = send(&c, "POST", &v1("/server"), json!({"name": "no address"})).await;
    assert_eq!(status, 400);
    assert!(
        body["reason"]
            .as_str()
            .expect("reason")
            .contains("'address'")
    );
}

#[tokio::test]
async fn server_groups_need_connector_groups_and_servers() {
    let c = common::start().await;
    let acg = first(&c, &v1("/appConnectorGroup")).await;
    // Rules: connector groups required; servers required without dynamic discovery.
    let (status, body) = send(
        &c,
        "POST",
        &v1("/serverGroup"),
        json!({"name": "x", "appConnectorGroups": []}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = send(
        &c,
        "POST",
        &v1("/serverGroup"),
        json!({"name": "x", "dynamicDiscovery": false, "appConnectorGroups": [{"id": id(&acg)}]}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body["reason"].as_str().expect("reason").contains("servers"));
}

#[tokio::test]
async fn connector_groups_crud() {
    let c = common::start().await;
    let cert = by_name(&c, &v2("/enrollmentCert"), "Connector").await;
    let (status, acg) = send(&c, "POST", &v1("/appConnectorGroup"), json!({
        "name": "ACG-Test", "description": "t", "enabled": true, "latitude": "37.33", "longitude": "-121.88",
        "location": "San Jose, CA, USA", "cityCountry": "San Jose, US", "countryCode": "US", "dnsQueryType": "IPV4",
        "overrideVersionProfile": true, "serverGroupIds": [], "connectorIds": [], "lssAppConnectorGroup": false,
        "upgradeDay": "SUNDAY", "upgradeTimeInSecs": "66600", "versionProfile": "0", "enrollmentCertId": id(&cert), "microtenantId": null,
    })).await;
    assert_eq!(status, 200, "{acg}");
    assert_eq!(acg["connectors"], json!([]));
    let (status, body) = send(
        &c,
        "POST",
        &v1("/appConnectorGroup"),
        json!({"name": "bad", "dnsQueryType": "IPV5"}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/appConnectorGroup/{}", id(&acg))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn connectors_keep_runtime_fields_and_hold_their_group() {
    let c = common::start().await;
    // Connectors: runtime fields survive an update of the editable fields.
    let conn = first(&c, &v1("/connector")).await;
    assert!(conn["currentVersion"].is_string());
    assert!(conn["appConnectorGroupName"].is_string());
    let group = c
        .ok(&v1(&format!(
            "/appConnectorGroup/{}",
            conn["appConnectorGroupId"].as_str().expect("group")
        )))
        .await;
    assert!(
        group["connectors"]
            .as_array()
            .expect("connectors")
            .iter()
            .any(|x| x["id"] == conn["id"])
    );
    let (status, upd) = send(&c, "PUT", &v1(&format!("/connector/{}", id(&conn))), json!({"name": "renamed-conn", "description": "d", "enabled": false, "microtenantId": null})).await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(upd["name"], "renamed-conn");
    assert_eq!(upd["currentVersion"], conn["currentVersion"]);
    assert_eq!(upd["privateIp"], conn["privateIp"]);
    assert_eq!(upd["appConnectorGroupId"], conn["appConnectorGroupId"]);
    // A group with connectors cannot be deleted.
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/appConnectorGroup/{}", id(&group))),
        json!({}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/connector/{}", id(&conn))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn connector_bulk_delete_is_all_or_nothing() {
    let c = common::start().await;
    // Bulk delete: all or nothing.
    let page = c.ok(&v1("/connector?page=2&pagesize=3")).await;
    let ids: Vec<String> = list(&page).iter().map(id).collect();
    let before = c.ok(&v1("/connector")).await["totalCount"].clone();
    let (status, _) = send(
        &c,
        "POST",
        &v1("/connector/bulkDelete"),
        json!({"ids": [ids[0], "216196257331999999"]}),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(c.ok(&v1("/connector")).await["totalCount"], before);
    let (status, body) = send(
        &c,
        "POST",
        &v1("/connector/bulkDelete"),
        json!({"ids": ids}),
    )
    .await;
    assert_eq!((status, body), (204, Value::Null));
    let after: usize = c.ok(&v1("/connector")).await["totalCount"]
        .as_str()
        .expect("n")
        .parse()
        .expect("n");
    assert_eq!(
        after,
        before.as_str().expect("n").parse::<usize>().expect("n") - 3
    );
    let (status, _) = c.get(&v1(&format!("/connector/{}", ids[0]))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn service_edge_groups_crud() {
    let c = common::start().await;
    let cert = by_name(&c, &v2("/enrollmentCert"), "Service Edge").await;
    let network = first(&c, &v2("/network")).await;
    let (status, seg) = send(&c, "POST", &v1("/serviceEdgeGroup"), json!({
        "name": "PSE-Test", "description": "t", "enabled": true, "latitude": "1.35", "longitude": "103.8",
        "location": "Singapore", "cityCountry": "Singapore, SG", "countryCode": "SG", "isPublic": true,
        "overrideVersionProfile": true, "graceDistanceEnabled": true, "graceDistanceValue": 5, "graceDistanceValueUnit": "MILES",
        "enrollmentCertId": id(&cert), "microtenantId": null, "trustedNetworks": [{"id": id(&network)}],
    })).await;
    assert_eq!(status, 200, "{seg}");
    assert_eq!(seg["isPublic"], "TRUE");
    assert_eq!(seg["trustedNetworks"][0]["name"], network["name"]);
    let (status, body) = send(
        &c,
        "POST",
        &v1("/serviceEdgeGroup"),
        json!({"name": "bad", "graceDistanceValueUnit": "FEET"}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = send(
        &c,
        "PUT",
        &v1(&format!("/serviceEdgeGroup/{}", id(&seg))),
        json!({"name": "PSE-Test", "isPublic": false}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["isPublic"], "FALSE");
    assert_eq!(body["trustedNetworks"], json!([]));
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/serviceEdgeGroup/{}", id(&seg))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn service_edges_list_and_update() {
    let c = common::start().await;
    let edges = c.ok(&v1("/serviceEdge?pagesize=100")).await;
    assert_eq!(edges["totalCount"], "8");
    let edge = list(&edges)[0].clone();
    let group = c
        .ok(&v1(&format!(
            "/serviceEdgeGroup/{}",
            edge["serviceEdgeGroupId"].as_str().expect("group")
        )))
        .await;
    assert_eq!(group["serviceEdges"].as_array().expect("edges").len(), 2);
    let (status, upd) = send(
        &c,
        "PUT",
        &v1(&format!("/serviceEdge/{}", id(&edge))),
        json!({"name": "pse-renamed", "enabled": true}),
    )
    .await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(upd["serviceEdgeGroupId"], edge["serviceEdgeGroupId"]);
    assert_eq!(upd["publishIps"], edge["publishIps"]);
    let (status, _) = send(
        &c,
        "POST",
        &v1("/serviceEdge/bulkDelete"),
        json!({"ids": [id(&edge), id(&list(&edges)[1])]}),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(c.ok(&v1("/serviceEdge")).await["totalCount"], "6");
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/serviceEdge/{}", id(&list(&edges)[2]))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, body) = send(&c, "POST", &v1("/serviceEdge/bulkDelete"), json!({})).await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn enrollment_certs_list_and_get() {
    let c = common::start().await;
    let certs = c.ok(&v2("/enrollmentCert?pagesize=50")).await;
    let names: Vec<&str> = list(&certs)
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        vec![
            "Root",
            "Client",
            "Connector",
            "Service Edge",
            "Isolation Client"
        ]
    );
    let root = c
        .ok(&v1(&format!("/enrollmentCert/{}", id(&list(&certs)[0]))))
        .await;
    assert!(
        root["certificate"]
            .as_str()
            .expect("pem")
            .starts_with("-----BEGIN CERTIFICATE-----")
    );
}

#[tokio::test]
async fn provisioning_keys_are_scoped_by_association_type() {
    let c = common::start().await;
    let connector_keys = c
        .ok(&v1(
            "/associationType/CONNECTOR_GRP/provisioningKey?pagesize=100",
        ))
        .await;
    let edge_keys = c
        .ok(&v1("/associationType/SERVICE_EDGE_GRP/provisioningKey"))
        .await;
    assert_eq!(connector_keys["totalCount"], "12");
    assert_eq!(edge_keys["totalCount"], "4");
    assert!(list(&connector_keys).iter().all(|k| {
        k["associationType"] == "CONNECTOR_GRP"
            && k["provisioningKey"]
                .as_str()
                .expect("key")
                .starts_with("3|")
    }));
    let acg = first(&c, &v1("/appConnectorGroup")).await;
    let (status, key) = send(&c, "POST", &v1("/associationType/CONNECTOR_GRP/provisioningKey"), json!({
        "name": "new-key", "description": "d", "componentId": id(&acg), "zcomponentId": id(&acg), "maxUsage": 10,
        "enrollmentCertId": null, "microtenantId": null,
    })).await;
    assert_eq!(status, 200, "{key}");
    assert_eq!(key["zcomponentName"], acg["name"]);
    assert_eq!(key["maxUsage"], "10");
    assert_eq!(key["usageCount"], "0");
    assert_eq!(key["enrollmentCertName"], "Connector");
    let kid = id(&key);
    // Keys are scoped by association type.
    let (status, _) = c
        .get(&v1(&format!(
            "/associationType/SERVICE_EDGE_GRP/provisioningKey/{kid}"
        )))
        .await;
    assert_eq!(status, 404);
    let (status, upd) = send(
        &c,
        "PUT",
        &v1(&format!(
            "/associationType/CONNECTOR_GRP/provisioningKey/{kid}"
        )),
        json!({"name": "new-key-2", "maxUsage": 20, "componentId": id(&acg)}),
    )
    .await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(upd["provisioningKey"], key["provisioningKey"]);
    assert_eq!(upd["maxUsage"], "20");
    // The SDK's all-null update and bad inputs.
    let edge_key = list(&edge_keys)[0].clone();
    let (status, body) = send(&c, "PUT", &v1(&format!("/associationType/SERVICE_EDGE_GRP/provisioningKey/{}", id(&edge_key))), json!({"name": null, "description": null, "maxUsage": null, "componentId": null, "enrollmentCertId": null})).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = send(
        &c,
        "POST",
        &v1("/associationType/SERVICE_EDGE_GRP/provisioningKey"),
        json!({"name": "k", "maxUsage": 5, "componentId": id(&acg)}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["reason"]
            .as_str()
            .expect("reason")
            .contains("zcomponentId")
    );
    let (status, _) = send(
        &c,
        "POST",
        &v1("/associationType/BOGUS/provisioningKey"),
        json!({"name": "k", "maxUsage": 5, "componentId": id(&acg)}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!(
            "/associationType/CONNECTOR_GRP/provisioningKey/{kid}"
        )),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = c
        .get(&v1(&format!(
            "/associationType/CONNECTOR_GRP/provisioningKey/{kid}"
        )))
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn identity_providers_and_scim_attributes() {
    let c = common::start().await;
    let idps = c.ok(&v2("/idp")).await;
    assert_eq!(idps["totalCount"], "3");
    let okta = by_name(&c, &v2("/idp"), "Okta Workforce").await;
    assert_eq!(okta["scimEnabled"], true);
    let okta_id = id(&okta);
    let attrs = c
        .ok(&v1(&format!("/idp/{okta_id}/scimattribute?pagesize=50")))
        .await;
    assert_eq!(attrs["totalCount"], "9");
    let dept = by_name(
        &c,
        &v1(&format!("/idp/{okta_id}/scimattribute")),
        "department",
    )
    .await;
    let got = c
        .ok(&v1(&format!("/idp/{okta_id}/scimattribute/{}", id(&dept))))
        .await;
    assert_eq!(
        got["schemaURI"],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    );
    let ping = by_name(&c, &v2("/idp"), "Ping Admin SSO").await;
    let (status, _) = c
        .get(&v1(&format!(
            "/idp/{}/scimattribute/{}",
            id(&ping),
            id(&dept)
        )))
        .await;
    assert_eq!(status, 404);
    let (status, body) = c.get(&v1("/idp/216196257331999999/scimattribute")).await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn scim_groups_have_integer_ids_under_userconfig() {
    let c = common::start().await;
    let okta_id = id(&by_name(&c, &v2("/idp"), "Okta Workforce").await);
    // SCIM groups: integer ids under userconfig.
    let groups = c
        .ok(&format!(
            "/zpa/userconfig/v1/customers/{{customerId}}/scimgroup/idpId/{okta_id}?pagesize=100"
        ))
        .await;
    assert_eq!(groups["totalCount"], "12");
    let g = &list(&groups)[0];
    assert!(g["id"].is_u64());
    assert_eq!(g["idpId"].to_string(), okta_id);
    let one = c
        .ok(&format!(
            "/zpa/userconfig/v1/customers/{{customerId}}/scimgroup/{}",
            g["id"]
        ))
        .await;
    assert_eq!(one["name"], g["name"]);
}

#[tokio::test]
async fn saml_attributes_all_and_per_idp() {
    let c = common::start().await;
    let okta_id = id(&by_name(&c, &v2("/idp"), "Okta Workforce").await);
    // SAML attributes: all, and per IdP.
    let saml = c.ok(&v2("/samlAttribute?pagesize=100")).await;
    assert_eq!(saml["totalCount"], "15");
    let per = c.ok(&v2(&format!("/samlAttribute/idp/{okta_id}"))).await;
    assert_eq!(per["totalCount"], "5");
    assert!(list(&per).iter().all(|a| a["idpName"] == "Okta Workforce"));
    let email = by_name(
        &c,
        &v2(&format!("/samlAttribute/idp/{okta_id}")),
        "Email_Okta",
    )
    .await;
    assert_eq!(email["samlName"], "email");
}

#[tokio::test]
async fn pra_credentials_keep_their_secret() {
    let c = common::start().await;
    let (status, cred) = send(&c, "POST", &v1("/credential"), json!({"name": "svc", "description": "d", "credentialType": "USERNAME_PASSWORD", "userDomain": "CORP", "userName": "svc", "password": "s3cret!", "microtenantId": null})).await;
    assert_eq!(status, 200, "{cred}");
    assert!(cred.get("password").is_none());
    assert_eq!(cred["passwordSet"], true);
    assert!(cred["lastCredentialResetTime"].is_string());
    let cid = id(&cred);
    // The SDK's update: GET, then PUT without the secret keeps it.
    let got = c.ok(&v1(&format!("/credential/{cid}"))).await;
    assert_eq!(got["userName"], "svc");
    let (status, upd) = send(&c, "PUT", &v1(&format!("/credential/{cid}")), json!({"name": "svc2", "credentialType": "USERNAME_PASSWORD", "userName": "svc", "description": null, "userDomain": null, "password": null})).await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(
        upd["lastCredentialResetTime"],
        cred["lastCredentialResetTime"]
    );
    assert_eq!(upd["userDomain"], Value::Null);
    for bad in [
        json!({"name": "x", "credentialType": "TOKEN", "password": "p"}),
        json!({"name": "x", "credentialType": "USERNAME_PASSWORD", "userName": "u"}),
        json!({"name": "x", "credentialType": "SSH_KEY", "userName": "u", "password": "p"}),
    ] {
        let (status, body) = send(&c, "POST", &v1("/credential"), bad).await;
        assert_eq!(status, 400, "{body}");
    }
    let (status, _) = send(&c, "DELETE", &v1(&format!("/credential/{cid}")), json!({})).await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn pra_portals_need_a_browser_access_certificate() {
    let c = common::start().await;
    // Portals need a browser-access certificate.
    let cert = by_name(
        &c,
        &v2("/clientlessCertificate/issued"),
        "pra.corp.example.com",
    )
    .await;
    let (status, portal) = send(&c, "POST", &v1("/praPortal"), json!({"name": "Ops Portal", "description": "d", "enabled": true, "domain": "ops.pra.example.com", "certificateId": id(&cert), "userNotification": "hi", "userNotificationEnabled": true, "microtenantId": null})).await;
    assert_eq!(status, 200, "{portal}");
    assert_eq!(portal["certificateName"], "pra.corp.example.com");
    assert_eq!(
        portal["cName"],
        "ops-pra-example-com.pra.zscalerportal.example"
    );
    let (status, body) = send(
        &c,
        "POST",
        &v1("/praPortal"),
        json!({"name": "x", "domain": "x.example.com", "certificateId": "42"}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, upd) = send(&c, "PUT", &v1(&format!("/praPortal/{}", id(&portal))), json!({"name": "Ops Portal", "domain": "ops.pra.example.com", "certificateId": id(&cert), "enabled": false})).await;
    assert_eq!(status, 200, "{upd}");
    assert_eq!(upd["enabled"], false);
    assert_eq!(upd["userNotification"], Value::Null);
    let portals = c.ok(&v1("/praPortal")).await;
    assert_eq!(portals["totalCount"], "3");
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/certificate/{}", id(&cert))),
        json!({}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &c,
        "DELETE",
        &v1(&format!("/praPortal/{}", id(&portal))),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn posture_network_and_inspection_catalogues() {
    let c = common::start().await;
    let posture = by_name(&c, &v2("/posture"), "Firewall Enabled").await;
    let got = c.ok(&v1(&format!("/posture/{}", id(&posture)))).await;
    assert_eq!(got["postureUdid"], posture["postureUdid"]);
    let network = by_name(&c, &v2("/network"), "Corp-HQ-Network").await;
    assert_eq!(
        c.ok(&v1(&format!("/network/{}", id(&network)))).await["networkId"],
        network["networkId"]
    );
    let inspection = c.ok(&v1("/inspectionProfile")).await;
    assert_eq!(inspection["totalCount"], "3");
}

#[tokio::test]
async fn cbi_profiles_are_a_bare_array_with_uuid_ids() {
    let c = common::start().await;
    // CBI profiles: a bare array, UUID ids.
    let cbi = c
        .ok("/zpa/cbiconfig/cbi/api/customers/{customerId}/profiles")
        .await;
    let cbi = cbi.as_array().expect("bare array");
    assert_eq!(cbi.len(), 3);
    assert_eq!(cbi[0]["name"], "Default Isolation Profile");
    assert_eq!(cbi[0]["id"].as_str().expect("uuid").len(), 36);
}

#[tokio::test]
async fn lss_configs_formats_status_codes_and_client_types() {
    let c = common::start().await;
    // LSS: search is on config.name.
    let lss = c.ok(&v2("/lssConfig")).await;
    assert_eq!(lss["totalCount"], "4");
    let splunk = c
        .ok(&v2("/lssConfig?search=name%2BEQ%2BSplunk+-+User+Activity"))
        .await;
    assert_eq!(splunk["totalCount"], "1");
    let one = c
        .ok(&v2(&format!("/lssConfig/{}", id(&list(&splunk)[0]))))
        .await;
    assert_eq!(one["config"]["sourceLogType"], "zpn_trans_log");
    assert!(one["connectorGroups"].as_array().expect("groups").len() == 2);
    let formats = c
        .ok(&v2(
            "/lssConfig/logType/formats?logType=zpn_ast_comprehensive_stats",
        ))
        .await;
    assert!(
        formats["json"]
            .as_str()
            .expect("json")
            .contains("CPUUtilization")
    );
    assert!(formats["csv"].is_string() && formats["tsv"].is_string());
    let (status, body) = c.get(&v2("/lssConfig/logType/formats?logType=nope")).await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = c.get(&v2("/lssConfig/logType/formats")).await;
    assert_eq!(status, 400);
    let codes = c.ok("/zpa/mgmtconfig/v2/admin/lssConfig/statusCodes").await;
    assert!(codes["zpn_auth_log"]["ZPN_STATUS_AUTH_FAILED"].is_object());
    let types = c
        .ok("/zpa/mgmtconfig/v2/admin/lssConfig/customers/{customerId}/clientTypes")
        .await;
    assert_eq!(types["zpn_client_type_zapp"], "Client Connector");
    let (status, _) = c
        .get("/zpa/mgmtconfig/v2/admin/lssConfig/customers/42/clientTypes")
        .await;
    assert_eq!(status, 404);
}
