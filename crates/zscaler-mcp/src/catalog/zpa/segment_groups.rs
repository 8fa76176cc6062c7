//! ZPA segment groups: the groups application segments belong to, used in access policy conditions.

use super::common;
use crate::catalog::toolsets::ZPA_SEGMENT_GROUPS;
use crate::catalog::{Param, Route, ToolDeclaration};

const GROUPS: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup";
const GROUP: &str = "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}";

const GROUP_ID: Param =
    Param::string("group_id", "Segment group id (zpa_list_segment_groups).").required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZPA_SEGMENT_GROUPS
        .create(
            "zpa_create_segment_group",
            "Create segment group",
            "Empty container for application segments.",
        )
        .routes(&[Route::post(GROUPS).query(common::MICROTENANT)])
        .params(&[
            common::NAME_REQUIRED,
            common::GROUP_ENABLED_DEFAULT,
            common::DESCRIPTION,
            common::MICROTENANT_ID_BODY,
        ]),
    ZPA_SEGMENT_GROUPS
        .delete(
            "zpa_delete_segment_group",
            "Delete segment group",
            "Fails while application segments use it.",
        )
        .routes(&[Route::delete(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SEGMENT_GROUPS
        .get(
            "zpa_get_segment_group",
            "Get segment group",
            "One group with its application segments.",
        )
        .routes(&[Route::get(GROUP).query(common::MICROTENANT)])
        .params(&[GROUP_ID, common::MICROTENANT_ID]),
    ZPA_SEGMENT_GROUPS
        .list(
            "zpa_list_segment_groups",
            "List segment groups",
            "Groups with their application segments; all pages unless page given.",
        )
        .routes(&[common::list(GROUPS)])
        .params(common::LIST_PARAMS),
    ZPA_SEGMENT_GROUPS
        .update(
            "zpa_update_segment_group",
            "Update segment group",
            "Change name, description or enabled; omitted fields are kept.",
        )
        .routes(&[Route::put(
            "/zpa/mgmtconfig/v2/admin/customers/{customerId}/segmentGroup/{group_id}",
        )
        .query(common::MICROTENANT)
        .merge_from(GROUP)])
        .params(&[
            GROUP_ID,
            common::NAME,
            common::DESCRIPTION,
            common::GROUP_ENABLED,
            common::MICROTENANT_ID_BODY,
        ]),
];
