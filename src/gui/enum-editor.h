/* enum-editor.h — the Properties pane's editor of an enumeration: a combo of its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "property-editor.h"

G_BEGIN_DECLS

#define UE_TYPE_ENUM_EDITOR (ue_enum_editor_get_type ())
G_DECLARE_FINAL_TYPE (UeEnumEditor, ue_enum_editor, UE, ENUM_EDITOR, UePropertyEditor)

G_END_DECLS
