/* property-pane.h — the Properties pane: typed editors and catalog facts for the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"
#include "core/catalog.h"

G_BEGIN_DECLS

#define UE_TYPE_PROPERTY_PANE (ue_property_pane_get_type ())
G_DECLARE_FINAL_TYPE (UePropertyPane, ue_property_pane, UE, PROPERTY_PANE, GtkBox)

/* the document edited and the catalog the facts come from (either may be NULL) */
void ue_property_pane_set_context (UePropertyPane *self,
                                   UeAnswerDoc    *doc,
                                   UeCatalog      *catalog);
/* show an answer-file node (NULL: nothing); the same node again only reloads the values */
void ue_property_pane_show_node   (UePropertyPane *self,
                                   UeNode         *node);
/* show a catalog entry, read-only (setting NULL: the component) */
void ue_property_pane_show_def    (UePropertyPane *self,
                                   UeComponentDef *component,
                                   UeSettingDef   *setting);
/* show a catalog package, read-only */
void ue_property_pane_show_package_def (UePropertyPane     *self,
                                        const UePackageDef *def);

G_END_DECLS
