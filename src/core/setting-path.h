/* setting-path.h — "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin" and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PASS/COMPONENT/Setting/Child/...; a list item is chosen by its key:
 *   .../LocalAccount[Name=admin2]/Group
 *   .../SynchronousCommand[Order=1]/CommandLine
 *   .../PathAndCredentials[@keyValue=1]/Path
 * A key value may hold '/', ']' is escaped as "\]" and '\' as "\\".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UE_SETTING_PATH_ERROR (ue_setting_path_error_quark ())
typedef enum
{
  UE_SETTING_PATH_ERROR_SYNTAX,
  UE_SETTING_PATH_ERROR_PASS,
} UeSettingPathError;
GQuark ue_setting_path_error_quark (void);

typedef struct
{
  char *name;        /* element name */
  char *key;         /* NULL, a child element name ("Name"), or "@keyValue" */
  char *key_value;   /* the key's value when key != NULL */
} UePathSegment;

typedef struct
{
  char      *pass;        /* one of the seven passes */
  char      *component;   /* component name, or NULL when the path names only a pass */
  GPtrArray *segments;    /* UePathSegment*, settings below the component; never NULL */
} UeSettingPath;

/* validate_pass: FALSE accepts any pass name (e.g. for reporting an unknown pass) */
UeSettingPath *ue_setting_path_parse     (const char          *text,
                                          gboolean             validate_pass,
                                          GError             **error);
char          *ue_setting_path_to_string (const UeSettingPath *path);
/* the settings part only ("UserAccounts/LocalAccounts/LocalAccount[Name=x]/Group"), "" if none */
char          *ue_setting_path_dup_setting_part (const UeSettingPath *path);
void           ue_setting_path_free      (UeSettingPath       *path);
/* append "Name", or "Name[Key=Value]" with escaping, to a string */
void           ue_setting_path_append_segment (GString     *out,
                                               const char  *name,
                                               const char  *key,
                                               const char  *key_value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeSettingPath, ue_setting_path_free)

G_END_DECLS
