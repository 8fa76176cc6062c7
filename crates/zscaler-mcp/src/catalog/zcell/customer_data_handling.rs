//! ZCell customer data handling: retention, masking and tracking settings of the customer.

use crate::catalog::toolsets::ZCELL_CUSTOMER_DATA_HANDLING;
use crate::catalog::{Route, ToolDeclaration};

pub static TOOLS: &[ToolDeclaration] = &[ZCELL_CUSTOMER_DATA_HANDLING
    .get(
        "zcell_get_customer_data_handling",
        "Get customer data handling",
        "The ZCell customer's data handling settings: region, retention, PII masking, location \
         and IMEI tracking, event logging.",
    )
    .routes(&[Route::get(super::CUSTOMER)])];
