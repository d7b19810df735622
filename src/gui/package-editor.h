/* package-editor.h — the Properties pane's editor of a servicing package: action and features
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"
#include "core/catalog.h"

G_BEGIN_DECLS

#define UE_TYPE_PACKAGE_EDITOR (ue_package_editor_get_type ())
G_DECLARE_FINAL_TYPE (UePackageEditor, ue_package_editor, UE, PACKAGE_EDITOR, GtkBox)

/* catalog (may be NULL) names the features each package offers */
GtkWidget *ue_package_editor_new         (UeAnswerDoc     *doc,
                                          UeCatalog       *catalog);
/* show a <package> node; the same node again only reloads the values */
void       ue_package_editor_load        (UePackageEditor *self,
                                          UeNode          *package);
UeNode    *ue_package_editor_get_package (UePackageEditor *self);

G_END_DECLS
