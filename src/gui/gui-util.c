/* gui-util.c — small helpers shared inside src/gui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "gui-private.h"

void
_ue_widget_set_accessible_name (GtkWidget  *widget,
                                const char *name)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);

  if (accessible != NULL)
    atk_object_set_name (accessible, name);
}

UePassFlags
_ue_component_def_get_passes (const UeComponentDef *def)
{
  UePassFlags passes = UE_PASS_NONE;

  for (guint i = 0; i < def->settings->len; i++)
    {
      const UeSettingDef *setting = g_ptr_array_index (def->settings, i);

      if (setting->visible)
        passes |= setting->passes;
    }
  return passes;
}

char *
_ue_pass_dup_label (guint number)
{
  /* WSIM numbers the passes in the order Windows runs them */
  return g_strdup_printf ("%u %s", number, ue_pass_name (number));
}

void
_ue_tree_view_popup_menu (GtkTreeView    *tree_view,
                          GMenuModel     *model,
                          const GdkEvent *event)
{
  GtkWidget *menu = gtk_menu_new_from_model (model);
  g_autoptr(GtkTreePath) path = NULL;

  gtk_menu_attach_to_widget (GTK_MENU (menu), GTK_WIDGET (tree_view), NULL);
  /* drop the menu when it closes; deactivate comes before the chosen item activates */
  g_signal_connect (menu, "selection-done", G_CALLBACK (gtk_widget_destroy), NULL);

  gtk_tree_view_get_cursor (tree_view, &path, NULL);
  if (event == NULL && path != NULL)
    {
      GdkRectangle rect;

      gtk_tree_view_get_cell_area (tree_view, path, NULL, &rect);
      gtk_tree_view_convert_bin_window_to_widget_coords (tree_view, rect.x, rect.y, &rect.x, &rect.y);
      rect.x += 24;
      gtk_menu_popup_at_rect (GTK_MENU (menu), gtk_widget_get_window (GTK_WIDGET (tree_view)), &rect,
                              GDK_GRAVITY_SOUTH_WEST, GDK_GRAVITY_NORTH_WEST, NULL);
    }
  else
    gtk_menu_popup_at_pointer (GTK_MENU (menu), event);
  gtk_menu_shell_select_first (GTK_MENU_SHELL (menu), FALSE);
}

UeComponentDef *
_ue_catalog_lookup_node (UeCatalog     *catalog,
                         UeNode        *node,
                         UeSettingDef **setting)
{
  UeNode *component = ue_node_get_component (node);
  g_autofree char *arch = NULL;
  g_autofree char *name = NULL;
  UeComponentDef *def;

  if (setting != NULL)
    *setting = NULL;
  if (catalog == NULL || component == NULL)
    return NULL;
  name = ue_node_dup_attribute (component, "name");
  arch = ue_node_dup_attribute (component, "processorArchitecture");
  if (name == NULL)
    return NULL;
  def = ue_catalog_find_component (catalog, name, arch);
  if (def == NULL)
    def = ue_catalog_find_component (catalog, name, NULL);
  if (def != NULL && setting != NULL && component != node)
    {
      g_autofree char *schema_path = ue_node_dup_schema_path (node);

      if (schema_path != NULL)
        *setting = ue_component_def_lookup (def, schema_path);
    }
  return def;
}
