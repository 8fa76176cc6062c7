//! ZIA `zia_locations` endpoints: locations, sub-locations, location groups, static IPs, GRE
//! tunnels (with VIP recommendations and internal ranges), VPN credentials and geo lookups.

use std::net::Ipv4Addr;

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::common::{contains, lite, param, respond, respond_refs, select, zia_invalid};
use super::zia;
use crate::engine::{self, Call, Filter, Match, Parent, Reply, ResourceDef};
use crate::errors::{ApiError, Kind};
use crate::product::Product;
use crate::routes::{Op, Route};
use crate::seed::Seeder;

/// `(geo id, city, state, country, country code, continent, lat, lon, postal code)`.
type City = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    &'static str,
);

/// Seeded locations: `(id, name, country, tz, static IP, city index)`.
pub const LOCATIONS_TABLE: [(i64, &str, &str, &str, &str, usize); 8] = [
    (
        61_480_001,
        "HQ San Jose",
        "UNITED_STATES",
        "UNITED_STATES_AMERICA_LOS_ANGELES",
        "203.0.113.10",
        0,
    ),
    (
        61_480_002,
        "London Office",
        "UNITED_KINGDOM",
        "GREAT_BRITAIN_EUROPE_LONDON",
        "203.0.113.11",
        3,
    ),
    (
        61_480_003,
        "Frankfurt DC",
        "GERMANY",
        "GERMANY_EUROPE_BERLIN",
        "203.0.113.12",
        4,
    ),
    (
        61_480_004,
        "Singapore Branch",
        "SINGAPORE",
        "SINGAPORE_ASIA_SINGAPORE",
        "203.0.113.13",
        6,
    ),
    (
        61_480_005,
        "Sao Paulo Branch",
        "BRAZIL",
        "BRAZIL_AMERICA_SAO_PAULO",
        "203.0.113.14",
        9,
    ),
    (
        61_480_006,
        "Sydney Office",
        "AUSTRALIA",
        "AUSTRALIA_SYDNEY",
        "203.0.113.15",
        8,
    ),
    (
        61_480_007,
        "New York Office",
        "UNITED_STATES",
        "UNITED_STATES_AMERICA_NEW_YORK",
        "203.0.113.16",
        2,
    ),
    (
        61_480_008,
        "Tokyo Branch",
        "JAPAN",
        "JAPAN_ASIA_TOKYO",
        "203.0.113.17",
        7,
    ),
];

/// Seeded location groups `(id, name)`.
pub const LOCATION_GROUPS_TABLE: [(i64, &str); 6] = [
    (62_100_001, "Corporate User Traffic Group"),
    (62_100_002, "Guest Wifi Group"),
    (62_100_003, "IoT Traffic Group"),
    (62_100_004, "Server Traffic Group"),
    (62_100_005, "Europe Offices"),
    (62_100_006, "APAC Offices"),
];

/// Cities: `(geo id, city, state, country, country code, continent, lat, lon, postal code)`.
const CITIES: [City; 10] = [
    (
        5_392_171,
        "San Jose",
        "California",
        "United States",
        "US",
        "NA",
        37.3394,
        -121.895,
        "95113",
    ),
    (
        5_368_361,
        "Los Angeles",
        "California",
        "United States",
        "US",
        "NA",
        34.0522,
        -118.2437,
        "90012",
    ),
    (
        5_128_581,
        "New York",
        "New York",
        "United States",
        "US",
        "NA",
        40.7143,
        -74.006,
        "10007",
    ),
    (
        2_643_743,
        "London",
        "England",
        "United Kingdom",
        "GB",
        "EU",
        51.5085,
        -0.1257,
        "EC2V",
    ),
    (
        2_925_533,
        "Frankfurt am Main",
        "Hesse",
        "Germany",
        "DE",
        "EU",
        50.1155,
        8.6842,
        "60311",
    ),
    (
        2_759_794,
        "Amsterdam",
        "North Holland",
        "Netherlands",
        "NL",
        "EU",
        52.374,
        4.8897,
        "1012",
    ),
    (
        1_880_252,
        "Singapore",
        "Singapore",
        "Singapore",
        "SG",
        "AS",
        1.2897,
        103.8501,
        "048580",
    ),
    (
        1_850_147, "Tokyo", "Tokyo", "Japan", "JP", "AS", 35.6895, 139.6917, "100-0001",
    ),
    (
        2_147_714,
        "Sydney",
        "New South Wales",
        "Australia",
        "AU",
        "OC",
        -33.8679,
        151.2073,
        "2000",
    ),
    (
        3_448_439,
        "Sao Paulo",
        "Sao Paulo",
        "Brazil",
        "BR",
        "SA",
        -23.5475,
        -46.6361,
        "01000",
    ),
];

/// Zscaler public service edge VIPs: `(id, virtual IP, datacenter, city index, region)`.
const VIPS: [(i64, &str, &str, usize, &str); 10] = [
    (11_001, "165.225.48.10", "SJC4", 0, "Americas"),
    (11_002, "165.225.50.10", "LAX1", 1, "Americas"),
    (11_003, "165.225.38.10", "NYC3", 2, "Americas"),
    (21_001, "165.225.88.10", "LON3", 3, "EMEA"),
    (21_002, "165.225.72.10", "FRA4", 4, "EMEA"),
    (21_003, "165.225.80.10", "AMS2", 5, "EMEA"),
    (31_001, "165.225.112.10", "SIN4", 6, "APAC"),
    (31_002, "165.225.116.10", "TYO4", 7, "APAC"),
    (31_003, "165.225.226.10", "SYD3", 8, "APAC"),
    (41_001, "165.225.216.10", "GRU1", 9, "Americas"),
];

const ADMIN: (i64, &str) = (1_000_001, "admin@sandbox.zscaler.example");

fn location_admin_ref() -> Value {
    json!({"id": ADMIN.0, "name": ADMIN.1})
}

const SEARCH: &[Filter] = &[Filter {
    param: "search",
    field: "name",
    how: Match::Contains,
}];

pub static LOCATIONS: ResourceDef = ResourceDef {
    filters: SEARCH,
    complete: complete_location,
    ..zia("zia.locations", seed_locations)
};

pub static SUBLOCATIONS: ResourceDef = ResourceDef {
    parent: Some(Parent {
        param: "locationId",
        field: "parentId",
    }),
    complete: complete_location,
    ..zia("zia.sublocations", seed_sublocations)
};

pub static LOCATION_GROUPS: ResourceDef = ResourceDef {
    filters: &[
        Filter {
            param: "search",
            field: "name",
            how: Match::Contains,
        },
        Filter {
            param: "name",
            field: "name",
            how: Match::Exact,
        },
    ],
    ..zia("zia.location_groups", seed_location_groups)
};

pub static STATIC_IPS: ResourceDef = ResourceDef {
    name_field: Some("ipAddress"),
    required: &["ipAddress"],
    filters: &[
        Filter {
            param: "search",
            field: "ipAddress",
            how: Match::Contains,
        },
        Filter {
            param: "ipAddress",
            field: "ipAddress",
            how: Match::Exact,
        },
    ],
    complete: complete_static_ip,
    ..zia("zia.static_ips", seed_static_ips)
};

pub static GRE_TUNNELS: ResourceDef = ResourceDef {
    name_field: Some("sourceIp"),
    required: &["sourceIp"],
    filters: &[],
    ..zia("zia.gre_tunnels", seed_gre_tunnels)
};

pub static VPN_CREDENTIALS: ResourceDef = ResourceDef {
    name_field: Some("fqdn"),
    required: &["type"],
    filters: &[],
    ..zia("zia.vpn_credentials", seed_vpn_credentials)
};

pub static RESOURCES: &[&ResourceDef] = &[
    &STATIC_IPS,
    &VPN_CREDENTIALS,
    &LOCATIONS,
    &SUBLOCATIONS,
    &LOCATION_GROUPS,
    &GRE_TUNNELS,
];

pub fn routes() -> Vec<Route> {
    const V1: &str = "/zia/api/v1";
    let _ = V1;
    vec![
        Route::new(Method::GET, "/zia/api/v1/locations", Op::List(&LOCATIONS)),
        Route::new(
            Method::POST,
            "/zia/api/v1/locations",
            Op::Custom(create_location),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/lite",
            Op::Custom(list_locations_lite),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/{locationId}",
            Op::Get(&LOCATIONS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/locations/{locationId}",
            Op::Custom(replace_location),
        ),
        Route::new(
            Method::DELETE,
            "/zia/api/v1/locations/{locationId}",
            Op::Custom(delete_location),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/{locationId}/sublocations",
            Op::Custom(list_sublocations),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/groups",
            Op::List(&LOCATION_GROUPS),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/groups/lite",
            Op::Custom(list_groups_lite),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/locations/groups/{groupId}",
            Op::Get(&LOCATION_GROUPS),
        ),
        Route::new(Method::GET, "/zia/api/v1/staticIP", Op::List(&STATIC_IPS)),
        Route::new(
            Method::POST,
            "/zia/api/v1/staticIP",
            Op::Custom(create_static_ip),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/staticIP/{staticIpId}",
            Op::Get(&STATIC_IPS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/staticIP/{staticIpId}",
            Op::Custom(replace_static_ip),
        ),
        Route::new(
            Method::DELETE,
            "/zia/api/v1/staticIP/{staticIpId}",
            Op::Custom(delete_static_ip),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/greTunnels",
            Op::List(&GRE_TUNNELS),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/greTunnels",
            Op::Custom(create_gre_tunnel),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/greTunnels/availableInternalIpRanges",
            Op::Custom(available_ranges),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/greTunnels/{tunnelId}",
            Op::Get(&GRE_TUNNELS),
        ),
        Route::new(
            Method::DELETE,
            "/zia/api/v1/greTunnels/{tunnelId}",
            Op::Delete(&GRE_TUNNELS),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/vips/recommendedList",
            Op::Custom(recommended_vips),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/vpnCredentials",
            Op::Custom(list_vpn_credentials),
        ),
        Route::new(
            Method::POST,
            "/zia/api/v1/vpnCredentials",
            Op::Custom(create_vpn_credential),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/vpnCredentials/{credentialId}",
            Op::Get(&VPN_CREDENTIALS),
        ),
        Route::new(
            Method::PUT,
            "/zia/api/v1/vpnCredentials/{credentialId}",
            Op::Custom(replace_vpn_credential),
        ),
        Route::new(
            Method::DELETE,
            "/zia/api/v1/vpnCredentials/{credentialId}",
            Op::Custom(delete_vpn_credential),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/region/byGeoCoordinates",
            Op::Custom(region_by_coordinates),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/region/byIPAddress/{ip}",
            Op::Custom(region_by_ip),
        ),
        Route::new(
            Method::GET,
            "/zia/api/v1/region/search",
            Op::Custom(region_search),
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn body_object(call: &Call<'_>) -> Result<Map<String, Value>, ApiError> {
    match call.body {
        Some(Value::Object(map)) => Ok(map.clone()),
        _ => Err(zia_invalid("Request body must be a JSON object")),
    }
}

fn parse_ipv4(text: &str, field: &str) -> Result<Ipv4Addr, ApiError> {
    text.trim().parse::<Ipv4Addr>().map_err(|_| {
        zia_invalid(format!(
            "Invalid value '{text}' for '{field}': expected an IPv4 address"
        ))
    })
}

/// Runs a generic engine op with a rewritten body.
fn engine_op_with_body(
    call: &mut Call<'_>,
    body: Value,
    op: fn(&'static ResourceDef, &mut Call<'_>) -> Result<Reply, ApiError>,
    def: &'static ResourceDef,
) -> Result<Reply, ApiError> {
    let mut inner = Call {
        method: call.method,
        path: call.path,
        product: call.product,
        params: call.params,
        query: call.query,
        body: Some(&body),
        tenant: &mut *call.tenant,
    };
    op(def, &mut inner)
}

/// The city an address geolocates to: the seeded location's city for its static IP, otherwise a
/// stable pick from the address.
fn city_of(ip: &str) -> usize {
    if let Some(l) = LOCATIONS_TABLE.iter().find(|l| l.4 == ip) {
        return l.5;
    }
    let sum: usize = ip.bytes().map(usize::from).sum();
    sum % CITIES.len()
}

fn region_json(city: usize) -> Value {
    let (geo, name, state, country, code, continent, lat, lon, postal) =
        CITIES[city % CITIES.len()];
    json!({
        "cityGeoId": geo,
        "stateGeoId": geo / 10 * 10 + 1,
        "latitude": lat,
        "longitude": lon,
        "cityName": name,
        "stateName": state,
        "countryName": country,
        "countryCode": code,
        "postalCode": postal,
        "continentCode": continent,
    })
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    let dlat = a.0 - b.0;
    let mut dlon = (a.1 - b.1).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    dlat * dlat + dlon * dlon
}

fn nearest_city(lat: f64, lon: f64) -> usize {
    (0..CITIES.len())
        .min_by(|a, b| {
            distance((CITIES[*a].6, CITIES[*a].7), (lat, lon))
                .total_cmp(&distance((CITIES[*b].6, CITIES[*b].7), (lat, lon)))
        })
        .unwrap_or(0)
}

fn vip_json(index: usize) -> Value {
    let (id, ip, dc, city, region) = VIPS[index % VIPS.len()];
    let c = CITIES[city];
    json!({
        "id": id,
        "virtualIp": ip,
        "privateServiceEdge": false,
        "datacenter": dc,
        "latitude": c.6,
        "longitude": c.7,
        "city": format!("{}, {}", c.1, c.4),
        "countryCode": c.4,
        "region": region,
    })
}

/// VIP indexes ordered by distance from the city an address geolocates to.
fn vips_near(ip: &str) -> Vec<usize> {
    let city = CITIES[city_of(ip)];
    let mut order: Vec<usize> = (0..VIPS.len()).collect();
    order.sort_by(|a, b| {
        let ca = CITIES[VIPS[*a].3];
        let cb = CITIES[VIPS[*b].3];
        distance((ca.6, ca.7), (city.6, city.7))
            .total_cmp(&distance((cb.6, cb.7), (city.6, city.7)))
    });
    order
}

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------

fn complete_location(l: &mut Map<String, Value>, _: i64) {
    let defaults = [
        ("parentId", json!(0)),
        ("upBandwidth", json!(-1)),
        ("dnBandwidth", json!(-1)),
        ("country", json!("NONE")),
        ("tz", json!("NOT_SPECIFIED")),
        ("ipAddresses", json!([])),
        ("ports", json!([])),
        ("vpnCredentials", json!([])),
        ("authRequired", json!(false)),
        ("sslScanEnabled", json!(false)),
        ("zappSSLScanEnabled", json!(false)),
        ("xffForwardEnabled", json!(false)),
        ("otherSubLocation", json!(false)),
        ("other6SubLocation", json!(false)),
        ("surrogateIP", json!(false)),
        ("idleTimeInMinutes", json!(0)),
        ("displayTimeUnit", json!("MINUTE")),
        ("surrogateIPEnforcedForKnownBrowsers", json!(false)),
        ("surrogateRefreshTimeInMinutes", json!(0)),
        ("surrogateRefreshTimeUnit", json!("MINUTE")),
        ("ofwEnabled", json!(false)),
        ("ipsControl", json!(false)),
        ("aupEnabled", json!(false)),
        ("cautionEnabled", json!(false)),
        ("aupBlockInternetUntilAccepted", json!(false)),
        ("aupForceSslInspection", json!(false)),
        ("aupTimeoutInDays", json!(0)),
        ("ipv6Enabled", json!(false)),
        ("ipv6Dns64Prefix", json!(false)),
        ("basicAuthEnabled", json!(false)),
        ("digestAuthEnabled", json!(false)),
        ("kerberosAuthEnabled", json!(false)),
        ("iotDiscoveryEnabled", json!(false)),
        ("cookiesAndProxy", json!(false)),
        ("profile", json!("CORPORATE")),
        ("description", Value::Null),
        ("managedBy", Value::Null),
        ("excludeFromDynamicGroups", json!(false)),
        ("excludeFromManualGroups", json!(false)),
        ("staticLocationGroups", json!([])),
        ("dynamiclocationGroups", json!([])),
        ("childCount", json!(0)),
        ("matchInChild", json!(false)),
        ("ecLocation", json!(false)),
        ("state", Value::Null),
        ("latitude", json!(0.0)),
        ("longitude", json!(0.0)),
    ];
    for (key, value) in defaults {
        l.entry(key).or_insert(value);
    }
}

/// Location bodies: `ipAddresses` must be provisioned static IPs not used by another location,
/// `vpnCredentials` must exist, bandwidths are kbps (`-1` unlimited).
fn check_location(call: &Call<'_>, except: Option<&str>) -> Result<(), ApiError> {
    let map = body_object(call)?;
    if let Some(ips) = map.get("ipAddresses").filter(|v| !v.is_null()) {
        let Some(ips) = ips.as_array() else {
            return Err(zia_invalid(
                "Invalid value for 'ipAddresses': expected a list of IP addresses",
            ));
        };
        for ip in ips {
            let Some(ip) = ip.as_str() else {
                return Err(zia_invalid(
                    "Invalid value for 'ipAddresses': expected a list of IP addresses",
                ));
            };
            parse_ipv4(ip, "ipAddresses")?;
            let provisioned = engine::records(call.tenant, &STATIC_IPS)
                .any(|s| s.get("ipAddress").and_then(Value::as_str) == Some(ip));
            if !provisioned {
                return Err(zia_invalid(format!(
                    "IP address {ip} is not a provisioned static IP; add it with POST /staticIP first"
                )));
            }
            let owner = engine::records(call.tenant, &LOCATIONS).find(|l| {
                engine::record_id(&LOCATIONS, l).as_deref() != except
                    && l.get("ipAddresses")
                        .and_then(Value::as_array)
                        .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(ip)))
            });
            if let Some(owner) = owner {
                return Err(ApiError::new(
                    Some(Product::Zia),
                    Kind::Duplicate,
                    format!(
                        "IP address {ip} is already associated with location '{}'",
                        owner
                            .get("name")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                    ),
                ));
            }
        }
    }
    if let Some(creds) = map.get("vpnCredentials").filter(|v| !v.is_null()) {
        for c in creds.as_array().into_iter().flatten() {
            let id = c.get("id").map(crate::tenant::id_text).unwrap_or_default();
            if engine::record(call.tenant, &VPN_CREDENTIALS, &id).is_none() {
                return Err(zia_invalid(format!("VPN credential {id} does not exist")));
            }
        }
    }
    for field in ["upBandwidth", "dnBandwidth"] {
        if let Some(v) = map.get(field).filter(|v| !v.is_null())
            && v.as_i64().is_none_or(|b| b < -1)
        {
            return Err(zia_invalid(format!(
                "Invalid value {v} for '{field}': expected kbps, or -1 for unlimited"
            )));
        }
    }
    Ok(())
}

fn create_location(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_location(call, None)?;
    engine::create(&LOCATIONS, call)
}

fn replace_location(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &LOCATIONS, &id) else {
        return Err(engine::not_found(&LOCATIONS, &id));
    };
    let child_count = existing.get("childCount").cloned().unwrap_or(json!(0));
    check_location(call, Some(&id))?;
    let reply = engine::replace(&LOCATIONS, call)?;
    // The sub-location count is server-managed.
    if let Some(Value::Object(map)) = call
        .tenant
        .collection_mut(LOCATIONS.key)
        .records
        .get_mut(&id)
    {
        map.insert("childCount".to_string(), child_count.clone());
    }
    Ok(match reply {
        Reply::Json(status, Value::Object(mut map)) => {
            map.insert("childCount".to_string(), child_count);
            Reply::Json(status, Value::Object(map))
        }
        other => other,
    })
}

/// Deleting a location removes its sub-locations and its membership in static groups.
fn delete_location(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let reply = engine::delete(&LOCATIONS, call)?;
    let id = call.params.last().unwrap_or_default().to_string();
    call.tenant
        .collection_mut(SUBLOCATIONS.key)
        .records
        .retain(|_, s| {
            s.get("parentId").map(crate::tenant::id_text).as_deref() != Some(id.as_str())
        });
    for group in call
        .tenant
        .collection_mut(LOCATION_GROUPS.key)
        .records
        .values_mut()
    {
        if let Some(Value::Array(members)) = group.get_mut("locations") {
            members.retain(|m| {
                m.get("id").map(crate::tenant::id_text).as_deref() != Some(id.as_str())
            });
        }
    }
    Ok(reply)
}

fn list_locations_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let records = select(call, &LOCATIONS, |l| {
        search.is_none_or(|s| contains(l, "name", s))
    })
    .into_iter()
    .map(lite)
    .collect();
    respond(call, LOCATIONS.envelope, records)
}

/// `GET /locations/{id}/sublocations`: 404 for an unknown parent.
fn list_sublocations(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let parent = call
        .params
        .get("locationId")
        .unwrap_or_default()
        .to_string();
    if engine::record(call.tenant, &LOCATIONS, &parent).is_none() {
        return Err(engine::not_found(&LOCATIONS, &parent));
    }
    let search = param(call, "search");
    let records = select(call, &SUBLOCATIONS, |s| {
        s.get("parentId").map(crate::tenant::id_text).as_deref() == Some(parent.as_str())
            && search.is_none_or(|q| contains(s, "name", q))
    });
    respond_refs(call, SUBLOCATIONS.envelope, records)
}

fn list_groups_lite(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let records = select(call, &LOCATION_GROUPS, |g| {
        search.is_none_or(|s| contains(g, "name", s))
    })
    .into_iter()
    .map(lite)
    .collect();
    respond(call, LOCATION_GROUPS.envelope, records)
}

fn seed_locations(s: &mut Seeder<'_>) -> Vec<Value> {
    LOCATIONS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (id, name, country, tz, ip, city))| {
            let c = CITIES[*city];
            let groups: Vec<Value> = match i {
                1 | 2 => vec![json!({"id": LOCATION_GROUPS_TABLE[4].0, "name": LOCATION_GROUPS_TABLE[4].1})],
                3 | 5 | 7 => vec![json!({"id": LOCATION_GROUPS_TABLE[5].0, "name": LOCATION_GROUPS_TABLE[5].1})],
                _ => Vec::new(),
            };
            let cred = 7_900_001 + i as i64;
            let mut record = json!({
                "id": id,
                "name": name,
                "upBandwidth": *s.pick(&[-1, 10_000, 50_000, 100_000]),
                "dnBandwidth": *s.pick(&[-1, 50_000, 200_000, 1_000_000]),
                "country": country,
                "tz": tz,
                "ipAddresses": [ip],
                "vpnCredentials": [{"id": cred, "type": "UFQDN", "fqdn": fqdn_of(name)}],
                "authRequired": i != 2,
                "xffForwardEnabled": s.chance(0.3),
                "otherSubLocation": i < 2,
                "surrogateIP": i != 2,
                "idleTimeInMinutes": 480,
                "displayTimeUnit": "HOUR",
                "surrogateIPEnforcedForKnownBrowsers": i != 2,
                "surrogateRefreshTimeInMinutes": 60,
                "ofwEnabled": true,
                "ipsControl": true,
                "aupEnabled": i == 0,
                "aupTimeoutInDays": if i == 0 { 30 } else { 0 },
                "iotDiscoveryEnabled": s.chance(0.5),
                "profile": if i == 2 { "SERVER" } else { "CORPORATE" },
                "description": s.text(&format!("{name} ({})", c.1)),
                "staticLocationGroups": groups,
                "dynamiclocationGroups": [{"id": LOCATION_GROUPS_TABLE[0].0, "name": LOCATION_GROUPS_TABLE[0].1}],
                "childCount": if i < 2 { 2 } else { 0 },
                "state": c.2,
                "latitude": c.6,
                "longitude": c.7,
            });
            if let Value::Object(map) = &mut record {
                complete_location(map, s.tenant.now());
            }
            record
        })
        .collect()
}

fn fqdn_of(location: &str) -> String {
    format!("{}@example.com", location.to_lowercase().replace(' ', "-"))
}

fn seed_sublocations(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, (parent, name, country, tz, _, _)) in LOCATIONS_TABLE.iter().take(2).enumerate() {
        for (j, (sub, range)) in [
            ("Guest Wifi", "10.%.50.0-10.%.50.255"),
            ("Corporate LAN", "10.%.0.0-10.%.31.255"),
        ]
        .iter()
        .enumerate()
        {
            let mut record = Map::new();
            record.insert("id".into(), json!(61_490_001 + (i * 2 + j) as i64));
            record.insert("name".into(), json!(format!("{name} - {sub}")));
            record.insert("parentId".into(), json!(parent));
            record.insert("country".into(), json!(country));
            record.insert("tz".into(), json!(tz));
            record.insert(
                "ipAddresses".into(),
                json!([range.replace('%', &(10 + i).to_string())]),
            );
            record.insert(
                "profile".into(),
                json!(if j == 0 { "GUESTWIFI" } else { "CORPORATE" }),
            );
            record.insert("authRequired".into(), json!(j == 1));
            record.insert(
                "description".into(),
                json!(s.text(&format!("{sub} at {name}"))),
            );
            complete_location(&mut record, s.tenant.now());
            out.push(Value::Object(record));
        }
    }
    out
}

fn seed_location_groups(s: &mut Seeder<'_>) -> Vec<Value> {
    let members = |idx: &[usize]| -> Value {
        Value::Array(
            idx.iter()
                .map(|i| json!({"id": LOCATIONS_TABLE[*i].0, "name": LOCATIONS_TABLE[*i].1}))
                .collect(),
        )
    };
    let all: Vec<usize> = (0..LOCATIONS_TABLE.len()).collect();
    LOCATION_GROUPS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let dynamic = i < 4;
            let profile = ["CORPORATE", "GUESTWIFI", "IOT", "SERVER"].get(i).copied();
            let locations = match i {
                0 => members(&all.iter().copied().filter(|l| *l != 2).collect::<Vec<_>>()),
                3 => members(&[2]),
                4 => members(&[1, 2]),
                5 => members(&[3, 5, 7]),
                _ => json!([]),
            };
            json!({
                "id": id,
                "name": name,
                "deleted": false,
                "groupType": if dynamic { "DYNAMIC_GROUP" } else { "STATIC_GROUP" },
                "dynamicLocationGroupCriteria": if dynamic {
                    json!({"profiles": [profile], "enforceAuthentication": null, "enforceAup": null, "enforceFirewallControl": null, "enableXffForwarding": null, "enableCaution": null, "enableBandwidthControl": null, "enableIpsControl": null})
                } else {
                    Value::Null
                },
                "locations": locations,
                "comments": s.text(if dynamic { "Predefined group" } else { "Offices by region" }),
                "lastModUser": location_admin_ref(),
                "lastModTime": s.epoch_within(300),
                "predefined": dynamic,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Static IPs
// ---------------------------------------------------------------------------------------------

fn complete_static_ip(r: &mut Map<String, Value>, now: i64) {
    let ip = r
        .get("ipAddress")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let city = city_of(&ip);
    let c = CITIES[city];
    let overridden = r
        .get("geoOverride")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    r.insert("geoOverride".into(), json!(overridden));
    if !overridden {
        r.insert("latitude".into(), json!(c.6));
        r.insert("longitude".into(), json!(c.7));
    }
    r.insert(
        "city".into(),
        json!({"id": c.0, "name": format!("{}, {}, {}", c.1, c.2, c.3)}),
    );
    r.entry("routableIP").or_insert(json!(true));
    r.entry("comment").or_insert(Value::Null);
    r.insert("lastModificationTime".into(), json!(now));
    r.insert("lastModifiedBy".into(), location_admin_ref());
    r.entry("managedBy")
        .or_insert(json!({"id": 0, "name": "Tenant"}));
}

/// Static IP bodies: a valid public IPv4; `latitude`/`longitude` required (-90..90,
/// -180..180) with `geoOverride=true`.
fn check_static_ip(call: &Call<'_>) -> Result<(), ApiError> {
    let map = body_object(call)?;
    if let Some(ip) = map.get("ipAddress").and_then(Value::as_str) {
        let addr = parse_ipv4(ip, "ipAddress")?;
        if addr.is_private() || addr.is_loopback() || addr.is_unspecified() || addr.is_multicast() {
            return Err(zia_invalid(format!(
                "Invalid value '{ip}' for 'ipAddress': expected a public IPv4 address"
            )));
        }
    }
    if map.get("geoOverride").and_then(Value::as_bool) == Some(true) {
        for (field, limit) in [("latitude", 90.0), ("longitude", 180.0)] {
            let value = map.get(field).and_then(|v| match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.parse::<f64>().ok(),
                _ => None,
            });
            match value {
                Some(v) if (-limit..=limit).contains(&v) => {}
                _ => {
                    return Err(zia_invalid(format!(
                        "Field '{field}' is required with geoOverride and must be from -{limit} to {limit}"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Numeric latitude/longitude (the SDK may send them as text).
fn numeric_coordinates(call: &Call<'_>) -> Result<Value, ApiError> {
    let mut map = body_object(call)?;
    for field in ["latitude", "longitude"] {
        if let Some(Value::String(s)) = map.get(field) {
            let n = s
                .parse::<f64>()
                .map_err(|_| zia_invalid(format!("Invalid value '{s}' for '{field}'")))?;
            map.insert(field.to_string(), json!(n));
        }
    }
    Ok(Value::Object(map))
}

fn create_static_ip(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    check_static_ip(call)?;
    let body = numeric_coordinates(call)?;
    engine_op_with_body(call, body, engine::create, &STATIC_IPS)
}

fn replace_static_ip(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &STATIC_IPS, &id) else {
        return Err(engine::not_found(&STATIC_IPS, &id));
    };
    let old_ip = existing.get("ipAddress").cloned();
    check_static_ip(call)?;
    let body = numeric_coordinates(call)?;
    if body.get("ipAddress").is_some() && body.get("ipAddress") != old_ip.as_ref() {
        return Err(zia_invalid(
            "The IP address of a static IP cannot be changed",
        ));
    }
    engine_op_with_body(call, body, engine::replace, &STATIC_IPS)
}

/// A static IP still used by a GRE tunnel or a location cannot be deleted.
fn delete_static_ip(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &STATIC_IPS, &id) else {
        return Err(engine::not_found(&STATIC_IPS, &id));
    };
    let ip = existing
        .get("ipAddress")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if engine::records(call.tenant, &GRE_TUNNELS)
        .any(|t| t.get("sourceIp").and_then(Value::as_str) == Some(ip.as_str()))
    {
        return Err(zia_invalid(format!(
            "Static IP {ip} is in use by a GRE tunnel; delete the tunnel first"
        )));
    }
    if let Some(l) = engine::records(call.tenant, &LOCATIONS).find(|l| {
        l.get("ipAddresses")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(ip.as_str())))
    }) {
        return Err(zia_invalid(format!(
            "Static IP {ip} is in use by location '{}'",
            l.get("name").and_then(Value::as_str).unwrap_or_default()
        )));
    }
    engine::delete(&STATIC_IPS, call)
}

fn seed_static_ips(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out: Vec<Value> = LOCATIONS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (_, name, _, _, ip, _))| {
            let mut r = Map::new();
            r.insert("id".into(), json!(7_700_001 + i as i64));
            r.insert("ipAddress".into(), json!(ip));
            r.insert("routableIP".into(), json!(true));
            r.insert(
                "comment".into(),
                json!(s.text(&format!("Egress of {name}"))),
            );
            complete_static_ip(&mut r, s.tenant.now());
            r.insert("lastModificationTime".into(), json!(s.epoch_within(400)));
            Value::Object(r)
        })
        .collect();
    // Two spare addresses, not yet used by a location or tunnel.
    for (k, ip) in ["198.51.100.20", "198.51.100.21"].iter().enumerate() {
        let mut r = Map::new();
        r.insert("id".into(), json!(7_700_101 + k as i64));
        r.insert("ipAddress".into(), json!(ip));
        r.insert("comment".into(), json!(s.text("Spare egress")));
        complete_static_ip(&mut r, s.tenant.now());
        r.insert("lastModificationTime".into(), json!(s.epoch_within(60)));
        out.push(Value::Object(r));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// GRE tunnels
// ---------------------------------------------------------------------------------------------

/// Internal /29 ranges tunnels use: 172.17.N.M, stepping by 8.
fn internal_range(n: usize) -> (String, String) {
    let base = n * 8;
    let (hi, lo) = (base / 256, base % 256);
    (
        format!("172.17.{hi}.{lo}"),
        format!("172.17.{hi}.{}", lo + 7),
    )
}

fn used_ranges(call: &Call<'_>) -> Vec<String> {
    engine::records(call.tenant, &GRE_TUNNELS)
        .filter_map(|t| {
            t.get("internalIpRange")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

/// `GET /greTunnels/availableInternalIpRanges`: free /29 ranges, `[{startIPAddress,
/// endIPAddress}]`, from `internalIpRange` on (if given), at most `limit` (default 20).
fn available_ranges(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    if let Some(ip) = param(call, "staticIp") {
        parse_ipv4(ip, "staticIp")?;
    }
    let limit = match param(call, "limit") {
        None => 20,
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if (1..=1000).contains(&n) => n,
            _ => {
                return Err(zia_invalid(format!(
                    "Invalid value '{raw}' for 'limit': expected an integer from 1 to 1000"
                )));
            }
        },
    };
    let from = match param(call, "internalIpRange") {
        None => 0,
        Some(raw) => {
            let start = raw.split(['-', '/']).next().unwrap_or(raw);
            let addr = parse_ipv4(start, "internalIpRange")?;
            let o = addr.octets();
            if o[0] != 172 || o[1] != 17 {
                return Err(zia_invalid(format!(
                    "Invalid value '{raw}' for 'internalIpRange': internal ranges are within 172.17.0.0/16"
                )));
            }
            (usize::from(o[2]) * 256 + usize::from(o[3])) / 8
        }
    };
    let used = used_ranges(call);
    let ranges: Vec<Value> = (from..8192)
        .map(internal_range)
        .filter(|(start, _)| !used.contains(start))
        .take(limit)
        .map(|(start, end)| json!({"startIPAddress": start, "endIPAddress": end}))
        .collect();
    Ok(Reply::ok(Value::Array(ranges)))
}

/// `GET /vips/recommendedList?sourceIp=`: the nearest public service edges, distinct cities.
fn recommended_vips(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let Some(source) = param(call, "sourceIp") else {
        return Err(zia_invalid("Missing required parameter 'sourceIp'"));
    };
    parse_ipv4(source, "sourceIp")?;
    let vips: Vec<Value> = vips_near(source)
        .into_iter()
        .take(6)
        .map(vip_json)
        .collect();
    Ok(Reply::ok(Value::Array(vips)))
}

fn vip_by_id(value: &Value, field: &str) -> Result<Option<usize>, ApiError> {
    if value.is_null() {
        return Ok(None);
    }
    let id = value.get("id").and_then(Value::as_i64).ok_or_else(|| {
        zia_invalid(format!(
            "Invalid value for '{field}': expected {{\"id\": <VIP id>}}"
        ))
    })?;
    VIPS.iter()
        .position(|v| v.0 == id)
        .map(Some)
        .ok_or_else(|| zia_invalid(format!("Invalid value for '{field}': no VIP with id {id}")))
}

/// `POST /greTunnels`: the source IP must be a provisioned static IP without a tunnel; VIPs are
/// expanded (or picked from the recommendations); an internal range is assigned unless
/// `ipUnnumbered`.
fn create_gre_tunnel(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let mut map = body_object(call)?;
    let Some(source) = map
        .get("sourceIp")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return Err(zia_invalid("Missing required field 'sourceIp'"));
    };
    parse_ipv4(&source, "sourceIp")?;
    if !engine::records(call.tenant, &STATIC_IPS)
        .any(|s| s.get("ipAddress").and_then(Value::as_str) == Some(source.as_str()))
    {
        return Err(zia_invalid(format!(
            "Source IP {source} is not a provisioned static IP; add it with POST /staticIP first"
        )));
    }
    let near = vips_near(&source);
    let primary = vip_by_id(
        map.get("primaryDestVip").unwrap_or(&Value::Null),
        "primaryDestVip",
    )?
    .unwrap_or(near[0]);
    let secondary = match vip_by_id(
        map.get("secondaryDestVip").unwrap_or(&Value::Null),
        "secondaryDestVip",
    )? {
        Some(s) => s,
        None => near
            .iter()
            .copied()
            .find(|v| VIPS[*v].3 != VIPS[primary].3)
            .unwrap_or(near[1]),
    };
    if VIPS[primary].3 == VIPS[secondary].3 {
        return Err(zia_invalid(
            "The primary and secondary destination VIPs must be in different cities",
        ));
    }
    let unnumbered = map
        .get("ipUnnumbered")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let range = match map.get("internalIpRange").and_then(Value::as_str) {
        _ if unnumbered => Value::Null,
        Some(r) => {
            let start = r.split(['-', '/']).next().unwrap_or(r).to_string();
            parse_ipv4(&start, "internalIpRange")?;
            if used_ranges(call).contains(&start) {
                return Err(ApiError::new(
                    Some(Product::Zia),
                    Kind::Duplicate,
                    format!("Internal IP range {start} is already used by another tunnel"),
                ));
            }
            json!(start)
        }
        None => {
            let used = used_ranges(call);
            (0..8192)
                .map(internal_range)
                .find(|(s, _)| !used.contains(s))
                .map_or(Value::Null, |(s, _)| json!(s))
        }
    };
    map.insert("primaryDestVip".into(), vip_json(primary));
    map.insert("secondaryDestVip".into(), vip_json(secondary));
    map.insert("internalIpRange".into(), range);
    map.insert("ipUnnumbered".into(), json!(unnumbered));
    map.entry("comment").or_insert(Value::Null);
    map.entry("withinCountry").or_insert(json!(false));
    map.entry("subcloud").or_insert(Value::Null);
    map.insert("lastModificationTime".into(), json!(call.tenant.now()));
    map.insert("lastModifiedBy".into(), location_admin_ref());
    map.insert("managedBy".into(), json!({"id": 0, "name": "Tenant"}));
    engine_op_with_body(call, Value::Object(map), engine::create, &GRE_TUNNELS)
}

fn seed_gre_tunnels(s: &mut Seeder<'_>) -> Vec<Value> {
    LOCATIONS_TABLE
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, (_, name, _, _, ip, _))| {
            let near = vips_near(ip);
            let secondary = near
                .iter()
                .copied()
                .find(|v| VIPS[*v].3 != VIPS[near[0]].3)
                .unwrap_or(near[1]);
            json!({
                "id": 7_800_001 + i as i64,
                "sourceIp": ip,
                "primaryDestVip": vip_json(near[0]),
                "secondaryDestVip": vip_json(secondary),
                "internalIpRange": internal_range(i).0,
                "ipUnnumbered": false,
                "withinCountry": false,
                "comment": s.text(&format!("GRE tunnel for {name}")),
                "subcloud": null,
                "lastModificationTime": s.epoch_within(300),
                "lastModifiedBy": location_admin_ref(),
                "managedBy": {"id": 0, "name": "Tenant"},
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// VPN credentials
// ---------------------------------------------------------------------------------------------

const VPN_TYPES: [&str; 4] = ["UFQDN", "IP", "CN", "XAUTH"];

/// `GET /vpnCredentials`: `search` matches the FQDN, IP address or comments.
fn list_vpn_credentials(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let search = param(call, "search");
    let records = select(call, &VPN_CREDENTIALS, |c| {
        search.is_none_or(|s| {
            contains(c, "fqdn", s) || contains(c, "ipAddress", s) || contains(c, "comments", s)
        })
    });
    respond_refs(call, VPN_CREDENTIALS.envelope, records)
}

/// Builds the stored credential: `UFQDN` needs `fqdn`, `IP` needs `ipAddress` (a static IP);
/// both need `preSharedKey`, which is never returned.
fn vpn_record(
    call: &Call<'_>,
    map: &Map<String, Value>,
    except: Option<&str>,
) -> Result<Value, ApiError> {
    let kind = map.get("type").and_then(Value::as_str).unwrap_or_default();
    if !VPN_TYPES.contains(&kind) {
        return Err(zia_invalid(format!(
            "Invalid value '{kind}' for 'type': expected one of {}",
            VPN_TYPES.join(", ")
        )));
    }
    let text = |f: &str| {
        map.get(f)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let (fqdn, ip) = match kind {
        "UFQDN" => {
            let fqdn = text("fqdn")
                .ok_or_else(|| zia_invalid("Missing required field 'fqdn' for type UFQDN"))?;
            if !fqdn.contains('@') {
                return Err(zia_invalid(format!(
                    "Invalid value '{fqdn}' for 'fqdn': expected user@domain"
                )));
            }
            (json!(fqdn), Value::Null)
        }
        "IP" => {
            let ip = text("ipAddress")
                .ok_or_else(|| zia_invalid("Missing required field 'ipAddress' for type IP"))?;
            parse_ipv4(ip, "ipAddress")?;
            (Value::Null, json!(ip))
        }
        _ => (map.get("fqdn").cloned().unwrap_or(Value::Null), Value::Null),
    };
    if matches!(kind, "UFQDN" | "IP") && text("preSharedKey").is_none() {
        return Err(zia_invalid("Missing required field 'preSharedKey'"));
    }
    let clash = engine::records(call.tenant, &VPN_CREDENTIALS).any(|c| {
        engine::record_id(&VPN_CREDENTIALS, c).as_deref() != except
            && ((fqdn.is_string()
                && c.get("fqdn").and_then(Value::as_str).map(str::to_lowercase)
                    == fqdn.as_str().map(str::to_lowercase))
                || (ip.is_string() && c.get("ipAddress") == Some(&ip)))
    });
    if clash {
        return Err(ApiError::new(
            Some(Product::Zia),
            Kind::Duplicate,
            format!(
                "A VPN credential for {} already exists",
                if fqdn.is_string() { &fqdn } else { &ip }
            ),
        ));
    }
    Ok(json!({
        "type": kind,
        "fqdn": fqdn,
        "ipAddress": ip,
        "preSharedKey": null,
        "comments": map.get("comments").cloned().unwrap_or(Value::Null),
        "location": map.get("location").cloned().unwrap_or(Value::Null),
        "managedBy": null,
        "disabled": map.get("disabled").cloned().unwrap_or(json!(false)),
    }))
}

fn create_vpn_credential(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let map = body_object(call)?;
    let record = vpn_record(call, &map, None)?;
    let id = call.tenant.insert(&VPN_CREDENTIALS, record);
    call.tenant.zia_pending = true;
    engine::record(call.tenant, &VPN_CREDENTIALS, &id)
        .cloned()
        .map(Reply::ok)
        .ok_or_else(|| engine::not_found(&VPN_CREDENTIALS, &id))
}

/// `PUT /vpnCredentials/{id}`: replaces comments and the key; `type`, `fqdn` and `ipAddress`
/// keep their values when not sent (the SDK sends only `comments` and `preSharedKey`).
fn replace_vpn_credential(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    let Some(existing) = engine::record(call.tenant, &VPN_CREDENTIALS, &id).cloned() else {
        return Err(engine::not_found(&VPN_CREDENTIALS, &id));
    };
    let mut map = body_object(call)?;
    for field in ["type", "fqdn", "ipAddress"] {
        if map.get(field).is_none_or(Value::is_null)
            && let Some(v) = existing.get(field).filter(|v| !v.is_null())
        {
            map.insert(field.to_string(), v.clone());
        }
    }
    if map.get("type") != existing.get("type") {
        return Err(zia_invalid(
            "The type of a VPN credential cannot be changed",
        ));
    }
    let mut record = vpn_record(call, &map, Some(&id))?;
    if let Value::Object(r) = &mut record {
        r.insert(
            "id".into(),
            existing.get("id").cloned().unwrap_or(Value::Null),
        );
    }
    call.tenant
        .collection_mut(VPN_CREDENTIALS.key)
        .records
        .insert(id, record.clone());
    call.tenant.zia_pending = true;
    Ok(Reply::ok(record))
}

/// A credential still attached to a location cannot be deleted.
fn delete_vpn_credential(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let id = call.params.last().unwrap_or_default().to_string();
    if engine::record(call.tenant, &VPN_CREDENTIALS, &id).is_none() {
        return Err(engine::not_found(&VPN_CREDENTIALS, &id));
    }
    if let Some(l) = engine::records(call.tenant, &LOCATIONS).find(|l| {
        l.get("vpnCredentials")
            .and_then(Value::as_array)
            .is_some_and(|a| {
                a.iter().any(|c| {
                    c.get("id").map(crate::tenant::id_text).as_deref() == Some(id.as_str())
                })
            })
    }) {
        return Err(zia_invalid(format!(
            "VPN credential {id} is in use by location '{}'",
            l.get("name").and_then(Value::as_str).unwrap_or_default()
        )));
    }
    engine::delete(&VPN_CREDENTIALS, call)
}

fn seed_vpn_credentials(s: &mut Seeder<'_>) -> Vec<Value> {
    let mut out: Vec<Value> = LOCATIONS_TABLE
        .iter()
        .enumerate()
        .map(|(i, (id, name, ..))| {
            json!({
                "id": 7_900_001 + i as i64,
                "type": "UFQDN",
                "fqdn": fqdn_of(name),
                "ipAddress": null,
                "preSharedKey": null,
                "comments": s.text(&format!("IPsec for {name}")),
                "location": {"id": id, "name": name},
                "managedBy": null,
                "disabled": false,
            })
        })
        .collect();
    out.push(json!({
        "id": 7_900_101,
        "type": "IP",
        "fqdn": null,
        "ipAddress": "198.51.100.20",
        "preSharedKey": null,
        "comments": s.text("Spare IP-based credential"),
        "location": null,
        "managedBy": null,
        "disabled": false,
    }));
    out
}

// ---------------------------------------------------------------------------------------------
// Geo lookups
// ---------------------------------------------------------------------------------------------

fn coordinate(call: &Call<'_>, name: &str, limit: f64) -> Result<f64, ApiError> {
    let raw = param(call, name)
        .ok_or_else(|| zia_invalid(format!("Missing required parameter '{name}'")))?;
    match raw.trim().parse::<f64>() {
        Ok(v) if (-limit..=limit).contains(&v) => Ok(v),
        _ => Err(zia_invalid(format!(
            "Invalid value '{raw}' for '{name}': expected a number from -{limit} to {limit}"
        ))),
    }
}

fn region_by_coordinates(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let lat = coordinate(call, "latitude", 90.0)?;
    let lon = coordinate(call, "longitude", 180.0)?;
    Ok(Reply::ok(region_json(nearest_city(lat, lon))))
}

fn region_by_ip(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let ip = call.params.last().unwrap_or_default().to_string();
    parse_ipv4(&ip, "ip")?;
    Ok(Reply::ok(region_json(city_of(&ip))))
}

/// `GET /region/search?prefix=`: cities whose name starts with the prefix.
fn region_search(call: &mut Call<'_>) -> Result<Reply, ApiError> {
    let prefix = param(call, "prefix").unwrap_or_default().to_lowercase();
    let hits = (0..CITIES.len())
        .filter(|i| CITIES[*i].1.to_lowercase().starts_with(&prefix))
        .map(region_json)
        .collect();
    respond(call, super::LIST, hits)
}
