//! ZCell network events: the search over SIM network activity (attach, detach, sessions,
//! location updates, authentication) within a window.

use super::{DAYS, PAGE, SIZE, WINDOW};
use crate::catalog::toolsets::ZCELL_NETWORK_EVENTS;
use crate::catalog::{Param, Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[ZCELL_NETWORK_EVENTS
    .list(
        "zcell_list_network_events",
        "List network events",
        "SIM network events within the window (newest first unless sorted otherwise), \
         filtered by event fields.",
    )
    .routes(&[Route::post(
        "/zcell/config/api/v1/network-events/{zcellCustomerId}/search/startTime/{@start}/endTime/{@end}",
    )
    .window(&WINDOW)
    .read_only()
    .paged_in_body()])
    .params(&[
        DAYS,
        Param::objects(
            "filter_by",
            "Filters, all must hold: {\"field\": name, \"values\": [...]} (or \"value\"), \
             e.g. field eventType, iccid, country.",
        )
        .body("filterBy"),
        Param::object(
            "sort_by",
            "Order: {\"field\": name, \"order\": \"ASC\"|\"DESC\"}; default timestamp DESC.",
        )
        .body("sortBy"),
        Param::boolean(
            "exclude_apn_config",
            "True: leave out APN configuration updates.",
        )
        .body("excludeApnConfig"),
        PAGE.body("page"),
        SIZE.body("size"),
    ])];
