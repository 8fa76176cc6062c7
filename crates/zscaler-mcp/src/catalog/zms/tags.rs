//! ZMS tags: namespaces, their keys and the keys' values.

use super::{DIRECTIONS, PAGE_NUM, PAGE_NUM_PARAM, PAGE_SIZE_PARAM, PATH};
use crate::catalog::toolsets::ZMS;
use crate::catalog::{Graphql, Param, Route, ToolDeclaration};

/// Namespace origins (the API's `NamespaceOrigin` enum).
const ORIGINS: &[&str] = &["CUSTOM", "EXTERNAL", "ML", "UNKNOWN"];

const NAMESPACES: Graphql = Graphql::query(
    "ListTagNamespaces",
    concat!(
        "query ListTagNamespaces($customerId: ID!, $pageNum: Int, $pageSize: Int, ",
        "$filter: NamespaceFilter, $orderBy: NamespaceQueryOrderBy) { tagNamespaces(customerId: ",
        "$customerId, pageNum: $pageNum, pageSize: $pageSize, filter: $filter, orderBy: ",
        "$orderBy) { nodes { id name description origin } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "pageNum": "{page_num}", "pageSize": "{page_size}",
        "filter": {"name": {"contains": "{name}"}, "origin": {"equals": "{origin}"}},
        "orderBy": {"name": "{sort_order}"}}"#,
    &["tagNamespaces"],
)
.rows("nodes")
.pages(PAGE_NUM);

const KEYS: Graphql = Graphql::query(
    "ListTagKeys",
    concat!(
        "query ListTagKeys($customerId: ID!, $namespaceId: String!, $pageNum: Int, ",
        "$pageSize: Int, $filter: TagKeyFilter, $orderBy: TagKeyQueryOrderBy) { tagKeys(",
        "customerId: $customerId, namespaceId: $namespaceId, pageNum: $pageNum, pageSize: ",
        "$pageSize, filter: $filter, orderBy: $orderBy) { nodes { id name description } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "namespaceId": "{namespace_id}", "pageNum": "{page_num}",
        "pageSize": "{page_size}", "filter": {"keyName": {"contains": "{key_name}"}},
        "orderBy": {"name": "{sort_order}"}}"#,
    &["tagKeys"],
)
.rows("nodes")
.pages(PAGE_NUM);

const VALUES: Graphql = Graphql::query(
    "ListTagValues",
    concat!(
        "query ListTagValues($customerId: ID!, $tagId: String!, $namespaceOrigin: ",
        "NamespaceOrigin!, $pageNum: Int, $pageSize: Int, $filter: TagValueFilter, $orderBy: ",
        "TagValueQueryOrderBy) { tagValues(customerId: $customerId, tagId: $tagId, ",
        "namespaceOrigin: $namespaceOrigin, pageNum: $pageNum, pageSize: $pageSize, filter: ",
        "$filter, orderBy: $orderBy) { nodes { id name } ",
        page_info!(),
        " } }"
    ),
    r#"{"customerId": "{customerId}", "tagId": "{tag_id}", "namespaceOrigin": "{namespace_origin}",
        "pageNum": "{page_num}", "pageSize": "{page_size}",
        "filter": {"name": {"contains": "{name}"}}, "orderBy": {"name": "{sort_order}"}}"#,
    &["tagValues"],
)
.rows("nodes")
.pages(PAGE_NUM);

const SORT_ORDER: Param = Param::string("sort_order", "Sort direction by name.").one_of(DIRECTIONS);

pub static TOOLS: &[ToolDeclaration] = &[
    ZMS.list(
        "zms_list_tag_namespaces",
        "List tag namespaces",
        "Tag namespaces (custom, cloud-imported, ML-inferred) with their origin; all pages \
         unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &NAMESPACES)])
    .params(&[
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string(
            "name",
            "Substring of the namespace name (case-insensitive).",
        ),
        Param::string("origin", "Only namespaces of this origin.").one_of(ORIGINS),
        SORT_ORDER,
    ]),
    ZMS.list(
        "zms_list_tag_keys",
        "List tag keys",
        "The tag keys of a namespace; all pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &KEYS)])
    .params(&[
        Param::string(
            "namespace_id",
            "Tag namespace id (zms_list_tag_namespaces).",
        )
        .required(),
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string("key_name", "Substring of the key name (case-insensitive)."),
        SORT_ORDER,
    ]),
    ZMS.list(
        "zms_list_tag_values",
        "List tag values",
        "The values of a tag key; all pages unless page_num is given.",
    )
    .routes(&[Route::graphql(PATH, &VALUES)])
    .params(&[
        Param::string("tag_id", "Tag key id (zms_list_tag_keys).").required(),
        Param::string("namespace_origin", "Origin of the key's namespace.")
            .required()
            .one_of(ORIGINS),
        PAGE_NUM_PARAM,
        PAGE_SIZE_PARAM,
        Param::string("name", "Substring of the value (case-insensitive)."),
        SORT_ORDER,
    ]),
];
