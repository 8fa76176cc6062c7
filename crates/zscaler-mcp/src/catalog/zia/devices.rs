//! TODO module doc: the `zia_devices` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_device_groups",
        "ZIA list device groups",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/deviceGroups")
            .query(&[
                ("includeDeviceInfo", "{include_device_info}"),
                ("includePseudoGroups", "{include_pseudo_groups}"),
            ])
            .list()]),
    )
    .params(&[
        Param::boolean("include_device_info", "TODO"),
        Param::boolean("include_pseudo_groups", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_devices",
        "ZIA list devices",
        "TODO",
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
        Param::string("name", "TODO"),
        Param::strings("user_ids", "TODO"),
        Param::boolean("include_all", "TODO"),
        Param::integer("page", "TODO"),
        Param::integer("page_size", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_devices",
        Action::Read,
        "zia_list_devices_lite",
        "ZIA list devices lite",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/deviceGroups/devices/lite").list()]),
    )
    .list(),
];
