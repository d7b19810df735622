/* cli-json.h — a small JSON writer for the --json outputs of unattend-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes pretty-printed JSON (2-space indent) into a GString; commas and nesting are
 * tracked for the caller. Strings are escaped per RFC 8259; invalid UTF-8 is repaired.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UeJson UeJson;

UeJson  *ue_json_new          (void);
/* returns the text (with a final newline) and frees the writer */
char    *ue_json_free_to_text (UeJson      *json);
void     ue_json_begin_object (UeJson      *json);
void     ue_json_end_object   (UeJson      *json);
void     ue_json_begin_array  (UeJson      *json);
void     ue_json_end_array    (UeJson      *json);
/* the member name of the next value inside an object */
void     ue_json_key          (UeJson      *json,
                               const char  *key);
/* NULL writes null */
void     ue_json_string       (UeJson      *json,
                               const char  *value);
void     ue_json_int          (UeJson      *json,
                               gint64       value);
void     ue_json_bool         (UeJson      *json,
                               gboolean     value);
/* an array of strings; NULL writes [] */
void     ue_json_strv         (UeJson      *json,
                               const char * const *values);
/* appends value as a JSON string literal (quotes included) */
void     ue_json_escape       (GString     *out,
                               const char  *value);

G_END_DECLS
