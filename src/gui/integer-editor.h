/* integer-editor.h — the Properties pane's editor of an integer: a spin button honouring the range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "property-editor.h"

G_BEGIN_DECLS

#define UE_TYPE_INTEGER_EDITOR (ue_integer_editor_get_type ())
G_DECLARE_FINAL_TYPE (UeIntegerEditor, ue_integer_editor, UE, INTEGER_EDITOR, UePropertyEditor)

G_END_DECLS
