/* string-editor.h — the Properties pane's editor of a string: an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "property-editor.h"

G_BEGIN_DECLS

#define UE_TYPE_STRING_EDITOR (ue_string_editor_get_type ())
G_DECLARE_FINAL_TYPE (UeStringEditor, ue_string_editor, UE, STRING_EDITOR, UePropertyEditor)

G_END_DECLS
