/* edit-text.h — replace the text of a simple element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "edit.h"

G_BEGIN_DECLS

#define UE_TYPE_EDIT_TEXT (ue_edit_text_get_type ())
G_DECLARE_FINAL_TYPE (UeEditText, ue_edit_text, UE, EDIT_TEXT, UeEdit)

UeEdit *ue_edit_text_new (UeNode     *element,
                          const char *value);

G_END_DECLS
