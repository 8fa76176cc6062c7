//! ZCell SIMs: one SIM's details, and the SIM search.

use super::{PAGE, SIZE};
use crate::catalog::toolsets::ZCELL_SIM_HANDLING;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[
    ZCELL_SIM_HANDLING
        .get(
            "zcell_get_sim_details",
            "Get SIM details",
            "One SIM with its status, network attachment, location, device and tags.",
        )
        .routes(&[
            Route::get("/zcell/config/api/v1/customers/{zcellCustomerId}/sims/details")
                .query(&[("iccId", "{icc_id}")]),
        ])
        .params(&[Param::string("icc_id", "The SIM's ICCID (19-20 digits).").required()]),
    // The reference flags this tool as a record (it answers the raw page); here it is walked
    // like the list tools: every page, or the one asked for, as rows.
    ZCELL_SIM_HANDLING
        .get(
            "zcell_list_sims",
            "Search SIMs",
            "SIMs matching every filter given (exact values, case-insensitive; list filters \
             match any element).",
        )
        .queryable()
        .routes(&[
            Route::post("/zcell/config/api/v1/customers/{zcellCustomerId}/sims/search")
                .read_only()
                .paged_in_body(),
        ])
        .params(&[
            Param::strings("iccid", "ICCIDs, any of them.").body("iccid"),
            Param::string(
                "status",
                "SIM status, e.g. ACTIVATED, DEACTIVATED, SUSPENDED, INVENTORY.",
            )
            .body("status"),
            Param::string(
                "network_status",
                "Network status, e.g. ATTACHED, DETACHED, NEVER_ATTACHED.",
            )
            .body("networkStatus"),
            Param::strings("ip_address", "IP addresses, any of them.").body("ipAddress"),
            Param::string("location_country", "ISO alpha-2 country code, e.g. DE.")
                .body("locationCountry"),
            Param::strings("tag", "Tag names or ids, any of them.").body("tag"),
            Param::string(
                "device_type",
                "Device type, e.g. MODEM, ROUTER, SMARTPHONE.",
            )
            .body("deviceType"),
            Param::string("brand_name", "Device brand, e.g. Quectel.").body("brandName"),
            Param::string("marketing_name", "Device marketing name.").body("marketingName"),
            Param::string("model_name", "Device model.").body("modelName"),
            Param::string(
                "form_factor",
                "SIM form factor, e.g. M2M, NANO, MICRO, MINI.",
            )
            .body("formFactor"),
            Param::string("imei_status", "IMEI binding state.")
                .one_of(&["LOCKED", "UNLOCKED"])
                .body("imeiStatus"),
            PAGE.body("page"),
            SIZE.body("size"),
        ]),
];
