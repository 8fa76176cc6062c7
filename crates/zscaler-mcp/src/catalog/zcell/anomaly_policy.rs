//! ZCell anomaly policies: the policies with their violation counts, change logs, and the
//! violations they raised (all of them, or one SIM's).

use super::{DAYS, PAGE, PAGING, SIZE, WINDOW};
use crate::catalog::toolsets::ZCELL_ANOMALY_POLICY;
use crate::catalog::{Param, Route, ToolDeclaration};

const POLICY_ID: Param = Param::string(
    "policy_id",
    "Anomaly policy id (from zcell_list_anomaly_policies).",
)
.required();

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_ANOMALY_POLICY
        .list(
            "zcell_list_anomaly_policies",
            "List anomaly policies",
            "Anomaly policies (geofence, IMEI change, data usage, roaming, ...) with the \
             violations each raised within the window.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy",
        )
        .query(&[
            ("startDateTime", "{@start}"),
            ("endDateTime", "{@end}"),
            ("policyType", "{policy_type}"),
            ("page", "{page}"),
            ("size", "{size}"),
        ])
        .window(&WINDOW)
        .paged()])
        .params(&[
            DAYS,
            Param::string(
                "policy_type",
                "Policy type, e.g. GEO_FENCE, IMEI_CHANGE, DATA_USAGE, ROAMING.",
            ),
            PAGE,
            SIZE,
        ]),
    ZCELL_ANOMALY_POLICY
        .list(
            "zcell_list_anomaly_policy_logs",
            "List anomaly policy logs",
            "Change log of one anomaly policy (created, updated, enabled, disabled), newest first.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policy_id}/logs",
        )
        .query(PAGING)
        .paged()])
        .params(&[POLICY_ID, PAGE, SIZE]),
    ZCELL_ANOMALY_POLICY
        .list(
            "zcell_list_anomaly_policy_violations",
            "List anomaly policy violations",
            "Violations one anomaly policy raised within the window, newest first.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policy_id}/violations",
        )
        .query(&[
            ("startDateTime", "{@start}"),
            ("endDateTime", "{@end}"),
            ("page", "{page}"),
            ("size", "{size}"),
        ])
        .window(&WINDOW)
        .paged()])
        .params(&[DAYS, POLICY_ID, PAGE, SIZE]),
    ZCELL_ANOMALY_POLICY
        .list(
            "zcell_list_iccid_violations",
            "List a SIM's policy violations",
            "Violations one anomaly policy raised for one SIM within the window, newest first.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/anomaly-policy/{policy_id}/violations/{iccid}",
        )
        .query(&[("startDateTime", "{@start}"), ("endDateTime", "{@end}")])
        .window(&WINDOW)
        .list()])
        .params(&[
            DAYS,
            POLICY_ID,
            Param::string("iccid", "The SIM's ICCID (19-20 digits).").required(),
        ]),
];
