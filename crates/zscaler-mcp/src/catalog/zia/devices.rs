//! ZIA devices known through Client Connector and their OS device groups (read-only).

use crate::catalog::services::Service;
use crate::catalog::{Action, Handler, Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_device_groups",
        "List device groups",
        "List device groups (one per OS, plus pseudo groups on request), optionally with device \
         names and counts.",
        Handler::Routes(&[Route::get("/zia/api/v1/deviceGroups")
            .query(&[
                ("includeDeviceInfo", "{include_device_info}"),
                ("includePseudoGroups", "{include_pseudo_groups}"),
            ])
            .list()]),
    )
    .params(&[
        Param::boolean(
            "include_device_info",
            "Add each group's device names and count.",
        ),
        Param::boolean("include_pseudo_groups", "Also return pseudo groups."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_devices",
        "List devices",
        "List devices with owner, OS and model, all pages unless page is given; filter by name \
         or owners.",
        Handler::Routes(&[Route::get("/zia/api/v1/deviceGroups/devices")
            .query(&[
                ("name", "{name}"),
                ("userIds", "{user_ids}"),
                ("includeAll", "{include_all}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .pages("page", "pageSize", 1000)]),
    )
    .params(&[
        Param::string("name", "Text to find in device names."),
        Param::strings("user_ids", "Owner user ids (get_zia_users)."),
        Param::boolean(
            "include_all",
            "Include Cloud Browser Isolation devices too.",
        ),
        Param::integer("page", "Page number; returns that page only."),
        Param::integer("page_size", "Rows per page."),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_devices_lite",
        "List devices (lite)",
        "List every device as id and name only, in one request; cheaper than zia_list_devices.",
        Handler::Routes(&[Route::get("/zia/api/v1/deviceGroups/devices/lite").list()]),
    )
    .list(),
];
