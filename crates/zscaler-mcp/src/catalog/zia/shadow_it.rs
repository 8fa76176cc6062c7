//! TODO module doc: the `zia_shadow_it` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    // CHECK: param sanction_state: no body field matched (fields: ['applicationIds', 'customTags', 'customTags[].id', 'sanctionedState'])
    ToolDeclaration::new(
        Service::Zia,
        "zia_shadow_it",
        Action::Update,
        "zia_bulk_update_shadow_it_apps",
        "ZIA bulk update shadow it apps",
        "TODO",
        Handler::Routes(&[Route::put("/zia/api/v1/cloudApplications/bulkUpdate")]),
    )
    .params(&[
        Param::string("sanction_state", "TODO").required(),
        Param::strings("application_ids", "TODO").body("applicationIds"),
        Param::strings("custom_tag_ids", "TODO").ids("customTags"),
    ]),
    // CHECK: paging ['limit', 'pageNumber'] on GET /zia/api/v1/cloudApplications/lite
    ToolDeclaration::new(
        Service::Zia,
        "zia_shadow_it",
        Action::Read,
        "zia_list_shadow_it_apps",
        "ZIA list shadow it apps",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/cloudApplications/lite")
            .query(&[("pageNumber", "{page_number}"), ("limit", "{limit}")])
            .list()]),
    )
    .params(&[
        Param::integer("page_number", "TODO"),
        Param::integer("limit", "TODO"),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zia,
        "zia_shadow_it",
        Action::Read,
        "zia_list_shadow_it_custom_tags",
        "ZIA list shadow it custom tags",
        "TODO",
        Handler::Routes(&[Route::get("/zia/api/v1/customTags").list()]),
    )
    .list(),
];
