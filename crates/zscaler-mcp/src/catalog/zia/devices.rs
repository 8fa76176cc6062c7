//! ZIA devices known through Client Connector and their OS device groups (read-only).

use super::common;
use crate::catalog::toolsets::ZIA_DEVICES;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZIA_DEVICES
        .list(
            "zia_list_device_groups",
            "List device groups",
            "One group per OS; optionally pseudo groups, device names and counts.",
        )
        .routes(&[Route::get("/zia/api/v1/deviceGroups")
            .query(&[
                ("includeDeviceInfo", "{include_device_info}"),
                ("includePseudoGroups", "{include_pseudo_groups}"),
            ])
            .list()])
        .params(&[
            Param::boolean("include_device_info", "Add device names and count."),
            Param::boolean("include_pseudo_groups", "Add pseudo groups."),
        ]),
    ZIA_DEVICES
        .list(
            "zia_list_devices",
            "List devices",
            "Devices with owner, OS and model; all pages unless page given.",
        )
        .routes(&[Route::get("/zia/api/v1/deviceGroups/devices")
            .query(&[
                ("name", "{name}"),
                ("userIds", "{user_ids}"),
                ("includeAll", "{include_all}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .pages("page", "pageSize", 1000)])
        .params(&[
            Param::string("name", "Device name substring."),
            Param::strings("user_ids", "Owner user ids (get_zia_users)."),
            Param::boolean("include_all", "Include Cloud Browser Isolation devices."),
            common::PAGE,
            common::PAGE_SIZE,
        ]),
    ZIA_DEVICES
        .list(
            "zia_list_devices_lite",
            "List devices (lite)",
            "Ids and names only, one request; cheaper than zia_list_devices.",
        )
        .routes(&[Route::get("/zia/api/v1/deviceGroups/devices/lite").list()]),
];
