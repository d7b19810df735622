/* boolean-editor.h — the Properties pane's editor of a boolean: a check button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "property-editor.h"

G_BEGIN_DECLS

#define UE_TYPE_BOOLEAN_EDITOR (ue_boolean_editor_get_type ())
G_DECLARE_FINAL_TYPE (UeBooleanEditor, ue_boolean_editor, UE, BOOLEAN_EDITOR, UePropertyEditor)

G_END_DECLS
