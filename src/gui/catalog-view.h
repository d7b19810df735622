/* catalog-view.h — the Windows Image pane: the catalog as a searchable tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/catalog.h"

G_BEGIN_DECLS

/* drag target carrying "COMPONENT\tARCH\tSETTING-PATH" (path empty for a component) */
#define UE_CATALOG_DRAG_TARGET "application/x-unattend-editor-catalog-item"

#define UE_TYPE_CATALOG_VIEW (ue_catalog_view_get_type ())
G_DECLARE_FINAL_TYPE (UeCatalogView, ue_catalog_view, UE, CATALOG_VIEW, GtkBox)

void       ue_catalog_view_set_catalog  (UeCatalogView   *self,
                                         UeCatalog       *catalog);
UeCatalog *ue_catalog_view_get_catalog  (UeCatalogView   *self);
void       ue_catalog_view_focus_search (UeCatalogView   *self);
void       ue_catalog_view_set_filter   (UeCatalogView   *self,
                                         const char      *text);
/* the selected component (and setting, NULL for a component row); FALSE when none */
gboolean   ue_catalog_view_get_selected (UeCatalogView   *self,
                                         UeComponentDef **component,
                                         UeSettingDef   **setting);
/* the selected package, or NULL when the row is not one */
UePackageDef *ue_catalog_view_get_selected_package (UeCatalogView *self);

/* Signals: ::selection-changed () */

G_END_DECLS
