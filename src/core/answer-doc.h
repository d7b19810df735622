/* answer-doc.h — the answer-file document: libxml2 tree + edits + undo stack + change signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document keeps the file's bytes: nodes read from the file are written back from
 * their original text unless an edit touched them, so comments, whitespace, attribute
 * order and layout, prefixes, entities and line endings survive. Every change goes
 * through an edit command on the undo stack; views listen to ::changed.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UE_ANSWER_DOC_ERROR (ue_answer_doc_error_quark ())
typedef enum
{
  UE_ANSWER_DOC_ERROR_PARSE,        /* malformed XML; message is "FILE:LINE:COL: error: …" */
  UE_ANSWER_DOC_ERROR_FORBIDDEN,    /* DOCTYPE / entity declarations in untrusted input */
  UE_ANSWER_DOC_ERROR_ENCODING,     /* not UTF-8 / UTF-16 with BOM */
  UE_ANSWER_DOC_ERROR_NOT_UNATTEND, /* wrong root element */
  UE_ANSWER_DOC_ERROR_PATH,         /* a setting path that cannot be applied here */
  UE_ANSWER_DOC_ERROR_CHANGED_ON_DISK,
  UE_ANSWER_DOC_ERROR_FAILED,
} UeAnswerDocError;
GQuark ue_answer_doc_error_quark (void);

#define UE_UNATTEND_NS    "urn:schemas-microsoft-com:unattend"
#define UE_WCM_NS         "http://schemas.microsoft.com/WMIConfig/2002/State"
#define UE_XSI_NS         "http://www.w3.org/2001/XMLSchema-instance"
#define UE_CPI_NS         "urn:schemas-microsoft-com:cpi"
#define UE_PUBLIC_KEY_TOKEN "31bf3856ad364e35"

/* An element of the document (borrowed, valid while it is in the document or on the
 * undo stack). Never freed by the caller. */
typedef struct _UeNode UeNode;

typedef enum
{
  UE_NODE_KIND_OTHER,      /* unknown element */
  UE_NODE_KIND_ROOT,       /* <unattend> (or a bare <settings> fragment's root) */
  UE_NODE_KIND_SERVICING,  /* <servicing> */
  UE_NODE_KIND_PACKAGE,    /* <servicing>/<package> */
  UE_NODE_KIND_PASS,       /* <settings pass=…> */
  UE_NODE_KIND_COMPONENT,  /* <component> in a pass */
  UE_NODE_KIND_SETTING,    /* an element below a component */
  UE_NODE_KIND_OFFLINE_IMAGE, /* cpi:offlineImage */
} UeNodeKind;

/* ---- nodes (read) ---- */
UeNodeKind   ue_node_get_kind            (UeNode     *node);
const char  *ue_node_get_name            (UeNode     *node);   /* local name */
UeNode      *ue_node_get_parent          (UeNode     *node);   /* NULL above the root */
UeNode      *ue_node_get_first_child     (UeNode     *node);   /* first element child */
UeNode      *ue_node_get_next            (UeNode     *node);   /* next element sibling */
guint        ue_node_count_children      (UeNode     *node);   /* element children */
/* attribute by local name in no namespace, or in the wcm namespace when prefixed */
char        *ue_node_dup_attribute       (UeNode     *node,
                                          const char *local_name);
gboolean     ue_node_has_attribute       (UeNode     *node,
                                          const char *local_name);
/* the namespace URI of the element ("" for none) */
const char  *ue_node_get_namespace       (UeNode     *node);
/* text of an element without element children (NULL when it has some) */
char        *ue_node_dup_text            (UeNode     *node);
/* 1-based position of the element's start tag (and of an attribute in it) */
void         ue_node_get_position        (UeNode     *node,
                                          guint      *line,
                                          guint      *column);
void         ue_node_get_attribute_position (UeNode  *node,
                                          const char *local_name,
                                          guint      *line,
                                          guint      *column);
/* the component (or pass) this node lives in, or NULL */
UeNode      *ue_node_get_component       (UeNode     *node);
UeNode      *ue_node_get_pass            (UeNode     *node);
/* a list item: carries wcm:action or wcm:keyValue */
gboolean     ue_node_is_list_item        (UeNode     *node);
/* the key a list item is chosen by: "@keyValue", a child name (Order, Name, Key, …) or NULL */
const char  *ue_node_guess_key           (UeNode     *node);
/* the number in an ordered item's <Order> child (1..), 0 when it has none or it is not a number */
guint        ue_node_get_order           (UeNode     *node);
/* the path of DESIGN.md ("specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin"); NULL above a pass */
char        *ue_node_dup_path            (UeNode     *node);
/* path below the component, without keys ("UserAccounts/LocalAccounts/LocalAccount/Name") */
char        *ue_node_dup_schema_path     (UeNode     *node);

#define UE_TYPE_ANSWER_DOC (ue_answer_doc_get_type ())
G_DECLARE_FINAL_TYPE (UeAnswerDoc, ue_answer_doc, UE, ANSWER_DOC, GObject)

/* ---- load / save ---- */
UeAnswerDoc *ue_answer_doc_new             (void);
UeAnswerDoc *ue_answer_doc_new_from_file   (const char   *path,
                                            GError      **error);
/* display_name is used in messages ("FILE:LINE:COL: error: …") */
UeAnswerDoc *ue_answer_doc_new_from_data   (const char   *data,
                                            gsize         length,
                                            const char   *display_name,
                                            GError      **error);
/* atomic: the old file stays as it was if anything fails; sets path and saved point */
gboolean     ue_answer_doc_save            (UeAnswerDoc  *self,
                                            const char   *path,
                                            GError      **error);
/* the same without the check that another program changed the file since it was read */
gboolean     ue_answer_doc_save_overwrite  (UeAnswerDoc  *self,
                                            const char   *path,
                                            GError      **error);
GBytes      *ue_answer_doc_to_bytes        (UeAnswerDoc  *self);
const char  *ue_answer_doc_get_path        (UeAnswerDoc  *self);   /* NULL when untitled */
/* forget the file: the next save asks for a name (a baseline opened as a template) */
void         ue_answer_doc_set_untitled    (UeAnswerDoc  *self);
/* used in messages; the path, or "untitled" */
const char  *ue_answer_doc_get_display_name (UeAnswerDoc *self);
gboolean     ue_answer_doc_get_modified    (UeAnswerDoc  *self);
/* the contents match no file (work recovered after a crash): modified until saved */
void         ue_answer_doc_forget_saved_state (UeAnswerDoc *self);
/* the file's line ending: "\r\n" or "\n" (new documents: "\r\n", as Windows tools write) */
const char  *ue_answer_doc_get_newline     (UeAnswerDoc  *self);
/* the file began with a UTF-8 byte-order mark (read, never written back) */
gboolean     ue_answer_doc_get_had_bom     (UeAnswerDoc  *self);
gboolean     ue_answer_doc_get_hide_sensitive_data (UeAnswerDoc *self);
void         ue_answer_doc_set_hide_sensitive_data (UeAnswerDoc *self,
                                                    gboolean     hide);

/* ---- structure (read) ---- */
UeNode      *ue_answer_doc_get_root        (UeAnswerDoc  *self);
/* every <settings> element in document order (repeated passes included); (transfer container) */
GPtrArray   *ue_answer_doc_get_passes      (UeAnswerDoc  *self);
/* first <settings pass="pass">, or NULL */
UeNode      *ue_answer_doc_find_pass       (UeAnswerDoc  *self,
                                            const char   *pass);
/* name compares case-insensitively; arch NULL matches any (first found) */
UeNode      *ue_answer_doc_find_component  (UeAnswerDoc  *self,
                                            UeNode       *pass,
                                            const char   *name,
                                            const char   *arch);
/* child element by local name (first), or NULL */
UeNode      *ue_answer_doc_find_child      (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            const char   *name);
/* list item below parent whose key matches (key as in UePathSegment) */
UeNode      *ue_answer_doc_find_item       (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            const char   *item_name,
                                            const char   *key,
                                            const char   *key_value);
/* a path of DESIGN.md; NULL (no error) when a part does not exist; error on bad syntax */
UeNode      *ue_answer_doc_lookup          (UeAnswerDoc  *self,
                                            const char   *path,
                                            const char   *arch,
                                            GError      **error);

/* ---- edits: each is one undo step unless inside begin_group/end_group ---- */
void         ue_answer_doc_begin_group     (UeAnswerDoc  *self,
                                            const char   *description);
void         ue_answer_doc_end_group       (UeAnswerDoc  *self);
/* edits that come with saving (recording the Windows image, hiding passwords) join the
 * last undo step instead of being one of their own, so that Undo after Save takes back
 * the user's last change; with nothing to undo they become part of the starting point.
 * Ends with ue_answer_doc_end_group. */
void         ue_answer_doc_begin_amend     (UeAnswerDoc  *self);
/* set the text of a simple element (value "" writes an empty string) */
void         ue_answer_doc_set_text        (UeAnswerDoc  *self,
                                            UeNode       *node,
                                            const char   *value);
/* set/replace an attribute (local name; "wcm:x" for the wcm namespace); value NULL removes it */
void         ue_answer_doc_set_attribute   (UeAnswerDoc  *self,
                                            UeNode       *node,
                                            const char   *name,
                                            const char   *value);
/* the <settings pass=…> element, created in pass order if missing */
UeNode      *ue_answer_doc_ensure_pass     (UeAnswerDoc  *self,
                                            const char   *pass);
/* the <servicing> element, created before the first pass if missing (NULL for a
 * bare <settings> fragment) */
UeNode      *ue_answer_doc_ensure_servicing (UeAnswerDoc *self);
/* the component in that pass, created with its full identity if missing */
UeNode      *ue_answer_doc_ensure_component (UeAnswerDoc *self,
                                            const char   *pass,
                                            const char   *name,
                                            const char   *arch);
/* the first child element of that name, appended if missing */
UeNode      *ue_answer_doc_ensure_child    (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            const char   *name);
/* a new element named name at the end of parent, even when one of that name is there
 * (servicing packages, items without a key) */
UeNode      *ue_answer_doc_append_element  (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            const char   *name);
/* a copy of source, an element of any document (its attributes, text and element
 * children; comments left out), inserted under parent before `before` (NULL: at the end),
 * in parent's namespace and indented as the file is. Returns the copy. */
UeNode      *ue_answer_doc_insert_copy     (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            UeNode       *before,
                                            UeNode       *source);
/* a new list item with wcm:action="add"; key NULL: no key; "@keyValue": attribute;
 * "Order" with key_value NULL: the next free Order. Returns the item. */
UeNode      *ue_answer_doc_add_list_item   (UeAnswerDoc  *self,
                                            UeNode       *parent,
                                            const char   *item_name,
                                            const char   *key,
                                            const char   *key_value);
/* insert an ordered item at position order (1-based), renumbering the items after it */
UeNode      *ue_answer_doc_insert_ordered_item (UeAnswerDoc *self,
                                            UeNode       *parent,
                                            const char   *item_name,
                                            guint         order);
/* remove a setting, list item, component or pass (and its indentation); removing an
 * ordered item renumbers the ones after it */
void         ue_answer_doc_remove          (UeAnswerDoc  *self,
                                            UeNode       *node);
/* path-level helpers for the CLI: create what the path needs / remove what it names */
gboolean     ue_answer_doc_set_path_value  (UeAnswerDoc  *self,
                                            const char   *path,
                                            const char   *arch,
                                            const char   *value,
                                            GError      **error);
gboolean     ue_answer_doc_unset_path      (UeAnswerDoc  *self,
                                            const char   *path,
                                            const char   *arch,
                                            GError      **error);
/* the image the file was made against, as WSIM records it at the end of the root:
 * <cpi:offlineImage cpi:source="wim:C:/path/install.wim#Image Name"/> (or "catalog:…");
 * NULL removes it. ue_answer_doc_dup_offline_image: the recorded source or NULL. */
void         ue_answer_doc_set_offline_image (UeAnswerDoc *self,
                                            const char   *source);
char        *ue_answer_doc_dup_offline_image (UeAnswerDoc *self);
/* Hide Sensitive Data on every password in the document (one undo step); returns count */
guint        ue_answer_doc_hide_passwords  (UeAnswerDoc  *self);

/* ---- undo / redo ---- */
gboolean     ue_answer_doc_can_undo        (UeAnswerDoc  *self);
gboolean     ue_answer_doc_can_redo        (UeAnswerDoc  *self);
const char  *ue_answer_doc_get_undo_label  (UeAnswerDoc  *self);
const char  *ue_answer_doc_get_redo_label  (UeAnswerDoc  *self);
gboolean     ue_answer_doc_undo            (UeAnswerDoc  *self);
gboolean     ue_answer_doc_redo            (UeAnswerDoc  *self);

/* Signals:
 *   ::changed (UeNode *node) — after any edit, undo or redo: node is the element whose
 *     subtree changed (the parent for insertions and removals).
 * Properties: "modified", "can-undo", "can-redo", "path", "hide-sensitive-data". */

G_END_DECLS
