//! ZDX software inventory: installed software titles and the devices that have them.

use super::{DEPARTMENT_ID, DEVICE_IDS, GEO_ID, LOCATION_ID, USER_IDS, cursor};
use crate::catalog::toolsets::ZDX_SOFTWARE_INVENTORY;
use crate::catalog::{Param, Route, ToolDeclaration};

/// The inventory filters.
const QUERY: &[(&str, &str)] = &[
    ("userIds", "{user_ids}"),
    ("deviceIds", "{device_ids}"),
    ("loc", "{location_id}"),
    ("dept", "{department_id}"),
    ("geo", "{geo_id}"),
];

pub static TOOLS: &[ToolDeclaration] = &[
    ZDX_SOFTWARE_INVENTORY
        .list(
            "zdx_get_software_details",
            "Get software details",
            "Every device that has one software title installed, with version, user and \
             install date; every page.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/inventory/software/{software_key}").query(QUERY),
            "software",
        )])
        .params(&[
            LOCATION_ID,
            DEPARTMENT_ID,
            GEO_ID,
            USER_IDS,
            DEVICE_IDS,
            Param::string("software_key", "Software key (zdx_list_software).").required(),
        ])
        .untrusted(),
    ZDX_SOFTWARE_INVENTORY
        .list(
            "zdx_list_software",
            "List software",
            "Software titles installed on devices in scope, with vendor, group and user and \
             device totals; every page.",
        )
        .routes(&[cursor(
            Route::get("/zdx/v1/inventory/software").query(QUERY),
            "software",
        )])
        .params(&[LOCATION_ID, DEPARTMENT_ID, GEO_ID, USER_IDS, DEVICE_IDS])
        .untrusted(),
];
