//! ZCell audit records: the search over who changed what, and the audit metadata (object
//! types, their operations, visibilities).

use super::{DAYS, PAGE, PAGING, SIZE};
use crate::catalog::toolsets::ZCELL_AUDIT_DATA_HANDLING;
use crate::catalog::{Param, Route, ToolDeclaration, Window};

/// The search takes its window in the body, as `startDate`/`endDate` epoch seconds.
static BODY_WINDOW: Window = Window::days("days", 7)
    .max_span(365)
    .in_body("startDate", "endDate");

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_AUDIT_DATA_HANDLING
        .list(
            "zcell_list_audit_customers_search",
            "Search audit records",
            "Audit records of configuration changes within the window, newest first, filtered \
             by operation, object and author.",
        )
        .routes(&[
            Route::post("/zcell/config/api/v1/audit/customers/{zcellCustomerId}/search")
                .query(PAGING)
                .window(&BODY_WINDOW)
                .read_only()
                .paged(),
        ])
        .params(&[
            DAYS,
            Param::string(
                "operation_type",
                "Operation, e.g. CREATE, UPDATE, DELETE (see zcell_list_audit_metadata).",
            )
            .body("operationType"),
            Param::string(
                "object_type",
                "Object type, e.g. SIM, TAG, ANOMALY_POLICY (see zcell_list_audit_metadata).",
            )
            .body("objectType"),
            Param::string("object_name", "Object name substring, case-insensitive.")
                .body("objectName"),
            Param::string("object_id", "Exact object id (an ICCID for SIMs).").body("objectId"),
            Param::string("visibility", "Whose changes: customer or support admins.")
                .one_of(&["CUSTOMER", "SUPPORT"])
                .body("visibility"),
            Param::string(
                "modified_by_user_id",
                "Exact id of the user who made the change.",
            )
            .body("modifiedByUserId"),
            PAGE,
            SIZE,
        ]),
    ZCELL_AUDIT_DATA_HANDLING
        .list(
            "zcell_list_audit_metadata",
            "List audit metadata",
            "Audited object types with the operations and visibilities each can be searched by.",
        )
        .routes(&[Route::get("/zcell/config/api/v1/audit/metadata").list()]),
];
