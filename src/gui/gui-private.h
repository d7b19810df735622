/* gui-private.h — small helpers shared inside src/gui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/answer-doc.h"
#include "core/catalog.h"

G_BEGIN_DECLS

void        _ue_widget_set_accessible_name (GtkWidget            *widget,
                                            const char           *name);
/* the passes a component may be added to: the union of its visible settings' passes */
UePassFlags _ue_component_def_get_passes   (const UeComponentDef *def);
/* the catalog definitions of an answer-file component or setting node: the component's
 * (NULL when the catalog lacks it) and, for a setting, the setting's (NULL when unknown) */
UeComponentDef *_ue_catalog_lookup_node (UeCatalog           *catalog,
                                         UeNode              *node,
                                         UeSettingDef       **setting);
/* "4 specialize" */
char       *_ue_pass_dup_label             (guint                 number);
/* pops a menu built from model under the pointer (event) or at the tree's cursor row */
void        _ue_tree_view_popup_menu       (GtkTreeView          *tree_view,
                                            GMenuModel           *model,
                                            const GdkEvent       *event);

G_END_DECLS
