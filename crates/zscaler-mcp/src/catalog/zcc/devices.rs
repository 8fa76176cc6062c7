//! ZCC devices: enrolled Client Connector devices and their one-time passwords.

use crate::catalog::toolsets::ZCC_DEVICES;
use crate::catalog::{Param, Route, Rule, ToolDeclaration, When};

const PATH: &str = "/zcc/papi/public/v1/getDevices";

/// `getDevices` for one `os_type`, sent as ZCC's OS code (`osType`).
macro_rules! by_os {
    ($os:literal, $code:literal) => {
        Route::get(PATH)
            .when(When::Is("os_type", $os))
            .query(&[
                ("osType", $code),
                ("username", "{username}"),
                ("page", "{page}"),
                ("pageSize", "{page_size}"),
            ])
            .paged()
    };
}

pub static TOOLS: &[ToolDeclaration] = &[
    ZCC_DEVICES
        .get(
            "zcc_get_device_otp",
            "Get device OTPs",
            "One-time passwords of a device (logout, revert, uninstall, exit, disable per \
             service); give udid or device_id.",
        )
        .routes(&[
            Route::get("/zcc/papi/public/v1/getOtp")
                .when(When::Has("udid"))
                .query(&[("udid", "{udid}")]),
            Route::get("/zcc/papi/public/v1/getOtp").query(&[("udid", "{device_id}")]),
        ])
        .params(&[
            Param::string(
                "udid",
                "Device UDID (zcc_list_devices); give it or device_id, not both.",
            ),
            Param::string("device_id", "Same as udid; give it or udid, not both."),
        ])
        .requires(&[Rule::OneOf(&["udid", "device_id"])]),
    ZCC_DEVICES
        .list(
            "zcc_list_devices",
            "List devices",
            "Enrolled Client Connector devices with user, OS, agent version and registration \
             state; all pages unless page is given.",
        )
        .routes(&[
            by_os!("ios", "1"),
            by_os!("android", "2"),
            by_os!("windows", "3"),
            by_os!("macos", "4"),
            by_os!("linux", "5"),
            Route::get(PATH)
                .query(&[
                    ("username", "{username}"),
                    ("page", "{page}"),
                    ("pageSize", "{page_size}"),
                ])
                .paged(),
        ])
        .params(&[
            Param::string("username", "Exact user name (email), case-insensitive."),
            Param::string("os_type", "Only devices of this OS.")
                .one_of(&["ios", "android", "windows", "macos", "linux"]),
            Param::integer("page", "1-based page; omit for every page.").min(1),
            Param::integer("page_size", "Rows per page.").range(1, 5000),
        ]),
];
