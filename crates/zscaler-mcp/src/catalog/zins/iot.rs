//! Z-Insights IoT: device counts by classification.

use super::{LIMIT, PATH};
use crate::catalog::toolsets::ZINS_IOT;
use crate::catalog::{Graphql, Param, Route, ToolDeclaration};

const DEVICE_STATS: Graphql = Graphql::query(
    "IoTDeviceStats",
    "query IoTDeviceStats($limit: Int) { IOT { device_stats { devices_count \
     user_devices_count iot_devices_count server_devices_count un_classified_devices_count \
     entries(limit: $limit) { classifications classification_uuid category total } } } }",
    r#"{"limit": "{limit}"}"#,
    &["IOT", "device_stats"],
);

pub static TOOLS: &[ToolDeclaration] = &[ZINS_IOT
    .get(
        "zins_get_iot_device_stats",
        "IoT device statistics",
        "Device counts (IoT, user, server, unclassified) and the largest device \
         classifications.",
    )
    .routes(&[Route::graphql(PATH, &DEVICE_STATS)])
    .params(&[Param {
        description: "Most classifications to list, largest first.",
        ..LIMIT
    }])];
