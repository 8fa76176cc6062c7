//! TODO module doc: the `zpa_segment_groups` toolset.

#[allow(unused_imports)]
use crate::catalog::services::Service;
#[allow(unused_imports)]
use crate::catalog::{
    Action, Body, Handler, Lit, Lookup, Param, Pick, Route, Target, ToolDeclaration, When,
};

pub static TOOLS: &[ToolDeclaration] = &[
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Create,
        "zpa_create_segment_group",
        "ZPA create segment group",
        "TODO",
        Handler::Routes(&[Route::post(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("name", "TODO").required().body("name"),
        Param::boolean("enabled", "TODO")
            .default(Lit::Bool(true))
            .body("enabled"),
        Param::string("description", "TODO").body("description"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Delete,
        "zpa_delete_segment_group",
        "ZPA delete segment group",
        "TODO",
        Handler::Routes(&[Route::delete(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Read,
        "zpa_get_segment_group",
        "ZPA get segment group",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("microtenant_id", "TODO"),
    ]),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Read,
        "zpa_list_segment_groups",
        "ZPA list segment groups",
        "TODO",
        Handler::Routes(&[Route::get(
            "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup",
        )
        .query(&[
            ("microtenantId", "{microtenant_id}"),
            ("search", "name+EQ+{search}"),
            ("page", "{page}"),
            ("pagesize", "{page_size}"),
        ])
        .zpa_pages()]),
    )
    .params(&[
        Param::string("search", "TODO"),
        Param::string("microtenant_id", "TODO"),
        Param::integer("page", "TODO").min(1),
        Param::integer("page_size", "TODO").range(1, 500),
    ])
    .list(),
    ToolDeclaration::new(
        Service::Zpa,
        "zpa_segment_groups",
        Action::Update,
        "zpa_update_segment_group",
        "ZPA update segment group",
        "TODO",
        Handler::Routes(&[Route::put(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(&[("microtenantId", "{microtenant_id}")])]),
    )
    .params(&[
        Param::string("group_id", "TODO").required(),
        Param::string("name", "TODO").body("name"),
        Param::string("description", "TODO").body("description"),
        Param::boolean("enabled", "TODO").body("enabled"),
        Param::string("microtenant_id", "TODO").body("microtenantId"),
    ]),
];
