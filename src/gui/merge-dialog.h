/* merge-dialog.h — Merge Answer File…: keep mine or take theirs, per conflicting setting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/doc-merge.h"

G_BEGIN_DECLS

#define UE_TYPE_MERGE_DIALOG (ue_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UeMergeDialog, ue_merge_dialog, UE, MERGE_DIALOG, GtkDialog)

/* conflicts: (element-type UeMergeConflict) of ue_doc_merge_find_conflicts(); other: a name
 * for the file merged in */
UeMergeDialog *ue_merge_dialog_new     (GtkWindow             *parent,
                                        GPtrArray             *conflicts,
                                        const char            *other);
/* a UeMergeResolver (user_data: the dialog): the user's choice for the conflict's path and arch */
gboolean       ue_merge_dialog_resolve (const UeMergeConflict *conflict,
                                        gpointer               dialog);

G_END_DECLS
