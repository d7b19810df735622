/* edit-group.h — several edits that undo and redo as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "edit.h"

G_BEGIN_DECLS

#define UE_TYPE_EDIT_GROUP (ue_edit_group_get_type ())
G_DECLARE_FINAL_TYPE (UeEditGroup, ue_edit_group, UE, EDIT_GROUP, UeEdit)

UeEdit  *ue_edit_group_new    (const char  *label);
/* an edit already applied, in order */
void     ue_edit_group_add    (UeEditGroup *self,
                               UeEdit      *edit);
guint    ue_edit_group_get_n_edits (UeEditGroup *self);
UeEdit  *ue_edit_group_get_last    (UeEditGroup *self);

G_END_DECLS
