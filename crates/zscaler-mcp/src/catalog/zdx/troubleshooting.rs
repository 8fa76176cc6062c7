//! ZDX troubleshooting: probes of a device and application, deep traces (sessions collecting
//! probe and device data) and score analyses.

use super::{APP_ID, DEVICE_ID, SINCE, SINCE_WINDOW, TRACE_ID, WINDOW};
use crate::catalog::toolsets::ZDX_TROUBLESHOOTING;
use crate::catalog::{Lit, Param, Route, ToolDeclaration};

const ANALYSIS_ID: Param = Param::string(
    "analysis_id",
    "Analysis id (the zdx_start_analysis answer).",
)
.required();

/// A read of one part of a deep trace (`/devices/{device_id}/deeptraces/{trace_id}/<part>`),
/// answered as rows.
macro_rules! trace_part {
    ($name:literal, $title:literal, $description:literal, $part:literal) => {
        ZDX_TROUBLESHOOTING
            .list($name, $title, $description)
            .routes(&[Route::get(concat!(
                "/zdx/v1/devices/{device_id}/deeptraces/{trace_id}/",
                $part
            ))
            .list()])
            .params(&[DEVICE_ID, TRACE_ID])
    };
}

/// The probes of a device for an application over the window.
macro_rules! probes {
    ($name:literal, $title:literal, $description:literal, $kind:literal) => {
        ZDX_TROUBLESHOOTING
            .list($name, $title, $description)
            .routes(&[
                Route::get(concat!("/zdx/v1/devices/{device_id}/apps/{app_id}/", $kind))
                    .query(WINDOW)
                    .window(&SINCE_WINDOW)
                    .list(),
            ])
            .params(&[DEVICE_ID, APP_ID, SINCE])
    };
}

pub static TOOLS: &[ToolDeclaration] = &[
    ZDX_TROUBLESHOOTING
        .delete(
            "zdx_delete_analysis",
            "Delete analysis",
            "Stops and deletes a score analysis.",
        )
        .routes(&[Route::delete("/zdx/v1/analysis/{analysis_id}")])
        .params(&[ANALYSIS_ID]),
    ZDX_TROUBLESHOOTING
        .delete(
            "zdx_delete_deeptrace",
            "Delete deep trace",
            "Deletes a deep trace session of a device and the data it collected.",
        )
        .routes(&[Route::delete(
            "/zdx/v1/devices/{device_id}/deeptraces/{trace_id}",
        )])
        .params(&[DEVICE_ID, TRACE_ID]),
    ZDX_TROUBLESHOOTING
        .get(
            "zdx_get_analysis",
            "Get analysis",
            "A score analysis: its status, the score of the device for the application and \
             the likely causes found.",
        )
        .routes(&[Route::get("/zdx/v1/analysis/{analysis_id}")])
        .params(&[ANALYSIS_ID]),
    trace_part!(
        "zdx_get_deeptrace_cloudpath",
        "Get deep trace cloud path",
        "Hop-by-hop network path from the device to the application, per sample of a deep \
         trace.",
        "cloudpath"
    ),
    trace_part!(
        "zdx_get_deeptrace_cloudpath_metrics",
        "Get deep trace cloud path metrics",
        "Latency, packet loss and hop count per path leg over a deep trace.",
        "cloudpath-metrics"
    ),
    trace_part!(
        "zdx_get_deeptrace_events",
        "Get deep trace events",
        "Network, software and Zscaler state changes on the device during a deep trace.",
        "events"
    ),
    trace_part!(
        "zdx_get_deeptrace_health_metrics",
        "Get deep trace health metrics",
        "CPU, memory, disk and network metrics of the device over a deep trace.",
        "health-metrics"
    ),
    trace_part!(
        "zdx_get_deeptrace_webprobe_metrics",
        "Get deep trace web probe metrics",
        "Page fetch time, DNS, server response and availability of the web probe over a deep \
         trace.",
        "webprobe-metrics"
    ),
    ZDX_TROUBLESHOOTING
        .get(
            "zdx_get_device_deep_trace",
            "Get deep trace",
            "One deep trace session: its probes, length, status and times.",
        )
        .routes(&[Route::get(
            "/zdx/v1/devices/{device_id}/deeptraces/{trace_id}",
        )])
        .params(&[DEVICE_ID, TRACE_ID]),
    probes!(
        "zdx_get_web_probes",
        "List web probes",
        "Web probes of an application on a device, with sample count, score and mean page \
         fetch time over the window.",
        "web-probes"
    ),
    probes!(
        "zdx_list_cloudpath_probes",
        "List cloud path probes",
        "Cloud path probes of an application on a device, with mean latency per leg over the \
         window.",
        "cloudpath-probes"
    ),
    trace_part!(
        "zdx_list_deeptrace_top_processes",
        "List deep trace top processes",
        "Processes using the most CPU, memory, disk and network on the device, per sample of \
         a deep trace.",
        "top-processes"
    )
    .untrusted(),
    ZDX_TROUBLESHOOTING
        .list(
            "zdx_list_device_deep_traces",
            "List deep traces",
            "Deep trace sessions of a device with their probes, status and times.",
        )
        .routes(&[Route::get("/zdx/v1/devices/{device_id}/deeptraces").list()])
        .params(&[DEVICE_ID]),
    ZDX_TROUBLESHOOTING
        .create(
            "zdx_start_analysis",
            "Start analysis",
            "Starts a score analysis of a device for an application over t0..t1 (at most 14 \
             days); read it with zdx_get_analysis.",
        )
        .routes(&[Route::post("/zdx/v1/analysis")])
        .params(&[
            Param::string("device_id", "Device id (zdx_list_devices).")
                .required()
                .body("device_id"),
            Param::integer("app_id", "Application id (zdx_list_applications).")
                .required()
                .body("app_id"),
            Param::integer(
                "t0",
                "Window start, epoch seconds; default t1 minus 2 hours.",
            )
            .body("t0"),
            Param::integer("t1", "Window end, epoch seconds; default now.").body("t1"),
        ]),
    ZDX_TROUBLESHOOTING
        .create(
            "zdx_start_deeptrace",
            "Start deep trace",
            "Starts a deep trace session on a device probing one application; one session \
             runs per device at a time.",
        )
        .routes(&[Route::post("/zdx/v1/devices/{device_id}/deeptraces")])
        .params(&[
            DEVICE_ID,
            Param::string("session_name", "Name of the session.")
                .required()
                .body("session_name"),
            Param::integer("app_id", "Application id (zdx_list_applications).")
                .required()
                .body("app_id"),
            Param::integer(
                "web_probe_id",
                "Web probe id of that app (zdx_get_web_probes).",
            )
            .required()
            .body("web_probe_id"),
            Param::integer(
                "cloudpath_probe_id",
                "Cloud path probe id of that app (zdx_list_cloudpath_probes).",
            )
            .required()
            .body("cloudpath_probe_id"),
            Param::integer("session_length_minutes", "Length: 5, 15, 30 or 60 minutes.")
                .default(Lit::Int(5))
                .body("session_length_minutes"),
            Param::boolean("probe_device", "Also collect device health and events.")
                .default(Lit::Bool(true))
                .body("probe_device"),
        ]),
];
