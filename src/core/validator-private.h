/* validator-private.h — what the validator's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * validator-document.c walks the document (root, passes, components, passwords,
 * placeholders); validator-settings.c checks settings against the catalog;
 * validator-values.c holds the checks on single values shared by both.
 */
#pragma once

#include "answer-doc-private.h"
#include "catalog.h"
#include "message.h"
#include "passes.h"

G_BEGIN_DECLS

typedef struct
{
  UeAnswerDoc *doc;
  UeCatalog   *catalog;     /* NULL or empty: structural checks only */
  const char  *file;
  GPtrArray   *found;       /* UeMessage*, in the order found */
  GHashTable  *suggestions; /* unknown component name -> closest catalog name or NULL */
} UeCheck;

/* a message at node (or at its attribute when attr is not NULL) */
void     _ue_check_report      (UeCheck            *check,
                                UeMessageSeverity   severity,
                                UeNode             *node,
                                const char         *attr,
                                const char         *format,
                                ...) G_GNUC_PRINTF (5, 6);
/* a message at an explicit position (text between elements) */
void     _ue_check_report_at   (UeCheck            *check,
                                UeMessageSeverity   severity,
                                UeNode             *node,
                                guint               line,
                                guint               column,
                                const char         *text);

/* validator-document.c: every check, starting at the root */
void     _ue_check_document    (UeCheck            *check);

/* validator-settings.c: the settings of one component against its def */
void     _ue_check_settings    (UeCheck            *check,
                                UeNode             *component,
                                UeComponentDef     *def,
                                UePassFlags         pass);

/* validator-values.c */
/* the first unrendered template placeholder in value, or NULL; command_like: the value
 * is a command line or path, where %NAME% is an environment variable (transfer full) */
char    *_ue_find_placeholder  (const char         *value,
                                gboolean            command_like);
gboolean _ue_has_placeholder   (const char         *value,
                                gboolean            command_like);
/* settings whose values are command lines or paths */
gboolean _ue_is_command_like   (const char         *setting_name);
/* a decimal integer with an optional sign and nothing else */
gboolean _ue_parse_integer     (const char         *text,
                                gint64             *out);
/* the candidate closest to name (case-insensitive edit distance, at most a third of
 * the name's length), or NULL; candidates are UeComponentDef* or UeSettingDef* names
 * reached through get_name */
const char *_ue_closest_name   (const char         *name,
                                GPtrArray          *candidates,
                                const char       *(*get_name) (gconstpointer item));
/* the problem with a value of def, or NULL; *severity set when not NULL (transfer full) */
char    *_ue_check_value       (const UeSettingDef *def,
                                const char         *value,
                                UeMessageSeverity  *severity);

G_END_DECLS
