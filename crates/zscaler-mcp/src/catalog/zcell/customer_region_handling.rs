//! ZCell regions: those of the customer's SKU, and the operational status of the configured
//! ones.

use crate::catalog::toolsets::ZCELL_CUSTOMER_REGION_HANDLING;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_CUSTOMER_REGION_HANDLING
        .list(
            "zcell_list_region_operational_status",
            "List region operational status",
            "Operational status of each configured region with its core and border components.",
        )
        .routes(&[Route::get(
            "/zcell/config/api/v1/customers/{zcellCustomerId}/regions/operational-status",
        )
        .query(&[("bcSize", "{bc_size}")])
        .list()])
        .params(&[Param::string(
            "bc_size",
            "Most border components listed per region (a positive integer).",
        )]),
    ZCELL_CUSTOMER_REGION_HANDLING
        .list(
            "zcell_list_regions",
            "List regions",
            "Regions of the customer's SKU, each saying whether it is configured.",
        )
        .routes(&[
            Route::get("/zcell/config/api/v1/customers/{zcellCustomerId}/regions")
                .query(&[("skipSkuCheck", "{skip_sku_check}")])
                .list(),
        ])
        .params(&[Param::boolean(
            "skip_sku_check",
            "True: every region, not only those of the SKU.",
        )]),
];
