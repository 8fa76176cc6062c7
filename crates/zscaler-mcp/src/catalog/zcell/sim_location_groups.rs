//! ZCell SIM location groups: named sets of countries and networks SIMs operate in.

use super::{PAGE, SIZE};
use crate::catalog::toolsets::ZCELL_SIM_LOCATION_GROUPS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_SIM_LOCATION_GROUPS
        .get(
            "zcell_get_sim_location_group",
            "Get SIM location group",
            "One SIM location group with its countries and MCC-MNC networks.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim-location-groups/{group_id}",
        )])
        .params(&[Param::string(
            "group_id",
            "Group id (from zcell_list_sim_location_groups).",
        )
        .required()]),
    ZCELL_SIM_LOCATION_GROUPS
        .list(
            "zcell_list_sim_location_groups",
            "List SIM location groups",
            "SIM location groups with their countries and MCC-MNC networks.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/sim-location-groups",
        )
        .query(&[("name", "{name}"), ("page", "{page}"), ("size", "{size}")])
        .paged()])
        .params(&[
            Param::string("name", "Name substring, case-insensitive."),
            PAGE,
            SIZE,
        ]),
];
