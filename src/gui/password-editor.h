/* password-editor.h — the Properties pane's editor of a password's Value: a hidden entry with reveal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "property-editor.h"

G_BEGIN_DECLS

#define UE_TYPE_PASSWORD_EDITOR (ue_password_editor_get_type ())
G_DECLARE_FINAL_TYPE (UePasswordEditor, ue_password_editor, UE, PASSWORD_EDITOR, UePropertyEditor)

G_END_DECLS
