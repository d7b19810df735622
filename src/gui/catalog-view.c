/* catalog-view.c — the Windows Image pane: the catalog as a searchable tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store holds only pointers to the catalog's immutable defs (the view keeps the
 * catalog alive); cell-data functions compute the text. Search marks a visible column
 * and a GtkTreeModelFilter shows the marked rows: a match keeps its ancestors (so the
 * user sees where it lives) and its descendants (a matching component shows its settings).
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "catalog-view.h"
#include "gui-private.h"

typedef enum
{
  ROW_COMPONENTS,   /* "Components" header */
  ROW_PACKAGES,     /* "Packages" header */
  ROW_COMPONENT,
  ROW_SETTING,
  ROW_PACKAGE,
} RowKind;

enum
{
  COL_KIND,
  COL_ITEM,         /* UeComponentDef*, UeSettingDef* or UePackageDef* */
  COL_COMPONENT,    /* the row's UeComponentDef* (for settings too) */
  COL_VISIBLE,
  N_COLS
};

/* expanding every match of a one-letter search would build tens of thousands of rows */
#define MAX_EXPANDED_MATCHES 2000

struct _UeCatalogView
{
  GtkBox parent_instance;

  /* template widgets */
  GtkLabel          *source_label;
  GtkSearchEntry    *search_entry;
  GtkTreeView       *tree_view;
  GtkTreeViewColumn *column;
  GtkCellRenderer   *icon_renderer;
  GtkCellRenderer   *text_renderer;

  UeCatalog          *catalog;
  GtkTreeStore       *store;
  GtkTreeModel       *filter;
};

G_DEFINE_FINAL_TYPE (UeCatalogView, ue_catalog_view, GTK_TYPE_BOX)

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GtkTargetEntry drag_targets[] = {
  { (char *) UE_CATALOG_DRAG_TARGET, GTK_TARGET_SAME_APP, 0 },
};

static void
cell_data_func (GtkTreeViewColumn *column,
                GtkCellRenderer   *cell,
                GtkTreeModel      *model,
                GtkTreeIter       *iter,
                gpointer           user_data)
{
  UeCatalogView *self = user_data;
  RowKind kind;
  gpointer item;
  g_autofree char *text = NULL;
  const char *icon = NULL;
  gboolean dim = FALSE;

  gtk_tree_model_get (model, iter, COL_KIND, &kind, COL_ITEM, &item, -1);
  switch (kind)
    {
    case ROW_COMPONENTS:
      text = g_strdup (_("Components"));
      icon = "folder-symbolic";
      break;
    case ROW_PACKAGES:
      text = g_strdup (_("Packages"));
      icon = "folder-symbolic";
      break;
    case ROW_COMPONENT:
      text = ue_component_def_dup_display_name (item);
      icon = "application-x-addon-symbolic";
      break;
    case ROW_SETTING:
      {
        UeSettingDef *def = item;

        text = g_strdup (def->display_name != NULL ? def->display_name : def->name);
        icon = def->kind == UE_SETTING_KIND_SIMPLE ? "emblem-system-symbolic"
             : def->kind == UE_SETTING_KIND_LIST ? "view-list-symbolic" : "folder-symbolic";
        dim = def->deprecated;
      }
      break;
    case ROW_PACKAGE:
      {
        UePackageDef *def = item;

        text = g_strdup_printf ("%s_%s_%s_%s", def->arch ? def->arch : "", def->name,
                                def->version ? def->version : "", def->language ? def->language : "");
        icon = "package-x-generic-symbolic";
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (cell == self->icon_renderer)
    g_object_set (cell, "icon-name", icon, NULL);
  else
    g_object_set (cell, "text", text, "sensitive", !dim, NULL);
}

static void
add_settings (UeCatalogView  *self,
              GtkTreeIter    *parent,
              UeComponentDef *component,
              GPtrArray      *settings)
{
  for (guint i = 0; i < settings->len; i++)
    {
      UeSettingDef *def = g_ptr_array_index (settings, i);
      GtkTreeIter iter;

      if (!def->visible)
        continue;
      gtk_tree_store_insert_with_values (self->store, &iter, parent, -1,
                                         COL_KIND, ROW_SETTING, COL_ITEM, def,
                                         COL_COMPONENT, component, COL_VISIBLE, TRUE, -1);
      add_settings (self, &iter, component, def->children);
    }
}

static void
fill_store (UeCatalogView *self)
{
  GtkTreeIter components, packages;
  GPtrArray *defs;

  gtk_tree_store_clear (self->store);
  if (self->catalog == NULL)
    return;

  gtk_tree_store_insert_with_values (self->store, &components, NULL, -1,
                                     COL_KIND, ROW_COMPONENTS, COL_VISIBLE, TRUE, -1);
  defs = ue_catalog_get_components (self->catalog);
  for (guint i = 0; i < defs->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (defs, i);
      GtkTreeIter iter;

      gtk_tree_store_insert_with_values (self->store, &iter, &components, -1,
                                         COL_KIND, ROW_COMPONENT, COL_ITEM, def,
                                         COL_COMPONENT, def, COL_VISIBLE, TRUE, -1);
      add_settings (self, &iter, def, def->settings);
    }

  gtk_tree_store_insert_with_values (self->store, &packages, NULL, -1,
                                     COL_KIND, ROW_PACKAGES, COL_VISIBLE, TRUE, -1);
  defs = ue_catalog_get_packages (self->catalog);
  for (guint i = 0; i < defs->len; i++)
    gtk_tree_store_insert_with_values (self->store, NULL, &packages, -1,
                                       COL_KIND, ROW_PACKAGE, COL_ITEM, g_ptr_array_index (defs, i),
                                       COL_VISIBLE, TRUE, -1);
}

static gboolean
row_matches (GtkTreeModel *model,
             GtkTreeIter  *iter,
             const char   *needle)
{
  RowKind kind;
  gpointer item;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  gtk_tree_model_get (model, iter, COL_KIND, &kind, COL_ITEM, &item, -1);
  if (kind == ROW_COMPONENT)
    text = ue_component_def_dup_display_name (item);
  else if (kind == ROW_SETTING)
    text = g_strdup (((UeSettingDef *) item)->name);
  else if (kind == ROW_PACKAGE)
    text = g_strdup (((UePackageDef *) item)->name);
  else
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/* marks the subtree of iter; returns how many rows in it match */
static guint
mark_rows (GtkTreeModel *model,
           GtkTreeIter  *iter,
           const char   *needle,
           gboolean      ancestor_matches)
{
  guint matches = 0;

  do
    {
      gboolean self_matches = needle == NULL || row_matches (model, iter, needle);
      guint below = 0;
      GtkTreeIter child;

      if (gtk_tree_model_iter_children (model, &child, iter))
        below = mark_rows (model, &child, needle, ancestor_matches || self_matches);
      gtk_tree_store_set (GTK_TREE_STORE (model), iter, COL_VISIBLE,
                          self_matches || ancestor_matches || below > 0, -1);
      matches += below + (self_matches ? 1 : 0);
    }
  while (gtk_tree_model_iter_next (model, iter));
  return matches;
}

static void
expand_headers (UeCatalogView *self)
{
  g_autoptr(GtkTreePath) path = gtk_tree_path_new_first ();

  gtk_tree_view_expand_row (self->tree_view, path, FALSE);
}

void
ue_catalog_view_set_filter (UeCatalogView *self,
                            const char    *text)
{
  g_autofree char *needle = NULL;
  GtkTreeIter iter;
  guint matches = 0;

  g_return_if_fail (UE_IS_CATALOG_VIEW (self));

  if (text != NULL && *text != '\0')
    needle = g_utf8_casefold (text, -1);
  if (gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->store), &iter))
    matches = mark_rows (GTK_TREE_MODEL (self->store), &iter, needle, FALSE);

  if (needle != NULL && matches <= MAX_EXPANDED_MATCHES)
    gtk_tree_view_expand_all (self->tree_view);
  else
    {
      gtk_tree_view_collapse_all (self->tree_view);
      expand_headers (self);
    }
}

static void
search_changed_cb (UeCatalogView  *self,
                   GtkSearchEntry *entry)
{
  ue_catalog_view_set_filter (self, gtk_entry_get_text (GTK_ENTRY (entry)));
}

static void
update_source_label (UeCatalogView *self)
{
  const UeCatalogSource *source;
  g_autofree char *text = NULL;

  if (self->catalog == NULL)
    {
      gtk_label_set_text (self->source_label, _("No catalog"));
      return;
    }
  source = ue_catalog_get_source (self->catalog);
  switch (source->kind)
    {
    case UE_CATALOG_SOURCE_EMBEDDED:
      text = g_strdup (_("Default catalog (Microsoft unattend reference)"));
      break;
    case UE_CATALOG_SOURCE_FILE:
      text = g_path_get_basename (source->path);
      break;
    case UE_CATALOG_SOURCE_IMAGE:
      {
        g_autofree char *base = g_path_get_basename (source->path);

        text = g_strdup_printf ("%s — %s", base, source->image_name ? source->image_name : "");
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->source_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), source->path);
}

void
ue_catalog_view_set_catalog (UeCatalogView *self,
                             UeCatalog     *catalog)
{
  g_return_if_fail (UE_IS_CATALOG_VIEW (self));
  g_return_if_fail (catalog == NULL || UE_IS_CATALOG (catalog));

  /* rows point into the old catalog: detach the view before they go */
  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_tree_store_clear (self->store);
  g_set_object (&self->catalog, catalog);
  fill_store (self);
  gtk_tree_view_set_model (self->tree_view, self->filter);
  update_source_label (self);
  ue_catalog_view_set_filter (self, gtk_entry_get_text (GTK_ENTRY (self->search_entry)));
}

UeCatalog *
ue_catalog_view_get_catalog (UeCatalogView *self)
{
  g_return_val_if_fail (UE_IS_CATALOG_VIEW (self), NULL);
  return self->catalog;
}

void
ue_catalog_view_focus_search (UeCatalogView *self)
{
  g_return_if_fail (UE_IS_CATALOG_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
ue_catalog_view_get_selected (UeCatalogView   *self,
                              UeComponentDef **component,
                              UeSettingDef   **setting)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  RowKind kind;
  gpointer item, comp;

  g_return_val_if_fail (UE_IS_CATALOG_VIEW (self), FALSE);

  *component = NULL;
  *setting = NULL;
  if (!gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), &model, &iter))
    return FALSE;
  gtk_tree_model_get (model, &iter, COL_KIND, &kind, COL_ITEM, &item, COL_COMPONENT, &comp, -1);
  if (kind != ROW_COMPONENT && kind != ROW_SETTING)
    return FALSE;
  *component = comp;
  *setting = kind == ROW_SETTING ? item : NULL;
  return TRUE;
}

static UeSettingDef *
top_level_def (UeSettingDef *def)
{
  while (def->parent != NULL)
    def = def->parent;
  return def;
}

static GMenuModel *
build_add_menu (UeComponentDef *component,
                UeSettingDef   *setting)
{
  GMenu *menu = g_menu_new ();
  UePassFlags passes = setting != NULL ? top_level_def (setting)->passes
                                       : _ue_component_def_get_passes (component);

  for (guint n = 1; n <= UE_N_PASSES; n++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if ((passes & ue_pass_flag (n)) == 0)
        continue;
      label = g_strdup_printf (_("Add Setting to Pass %u %s"), n, ue_pass_name (n));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.add-setting",
                                               g_variant_new ("(usss)", n, component->name,
                                                              component->arch,
                                                              setting != NULL ? setting->path : ""));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

UePackageDef *
ue_catalog_view_get_selected_package (UeCatalogView *self)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  RowKind kind;
  gpointer item;

  g_return_val_if_fail (UE_IS_CATALOG_VIEW (self), NULL);

  if (!gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), &model, &iter))
    return NULL;
  gtk_tree_model_get (model, &iter, COL_KIND, &kind, COL_ITEM, &item, -1);
  return kind == ROW_PACKAGE ? item : NULL;
}

/* WSIM's "Add to Answer File": the package's identity is the action's target */
static GMenuModel *
build_package_menu (UePackageDef *package)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("Add to Answer File"), NULL);

  g_menu_item_set_action_and_target_value (item, "win.add-package",
                                           g_variant_new ("(sssss)", package->name,
                                                          package->version ? package->version : "",
                                                          package->arch ? package->arch : "",
                                                          package->public_key_token ? package->public_key_token : "",
                                                          package->language ? package->language : ""));
  g_menu_append_item (menu, item);
  return G_MENU_MODEL (menu);
}

static gboolean
show_context_menu (UeCatalogView  *self,
                   const GdkEvent *event)
{
  UeComponentDef *component;
  UeSettingDef *setting;
  UePackageDef *package;
  g_autoptr(GMenuModel) menu = NULL;

  if ((package = ue_catalog_view_get_selected_package (self)) != NULL)
    menu = build_package_menu (package);
  else if (ue_catalog_view_get_selected (self, &component, &setting))
    menu = build_add_menu (component, setting);
  else
    return FALSE;
  if (g_menu_model_get_n_items (menu) == 0)
    return FALSE;
  _ue_tree_view_popup_menu (self->tree_view, menu, event);
  return TRUE;
}

static gboolean
button_press_cb (UeCatalogView  *self,
                 GdkEventButton *event,
                 GtkTreeView    *tree_view)
{
  g_autoptr(GtkTreePath) path = NULL;

  if (!gdk_event_triggers_context_menu ((GdkEvent *) event))
    return GDK_EVENT_PROPAGATE;
  if (!gtk_tree_view_get_path_at_pos (tree_view, event->x, event->y, &path, NULL, NULL, NULL))
    return GDK_EVENT_PROPAGATE;
  gtk_tree_view_set_cursor (tree_view, path, NULL, FALSE);
  show_context_menu (self, (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static gboolean
popup_menu_cb (UeCatalogView *self,
               GtkTreeView   *tree_view)
{
  return show_context_menu (self, NULL);
}

static void
drag_data_get_cb (UeCatalogView    *self,
                  GdkDragContext   *context,
                  GtkSelectionData *data,
                  guint             info,
                  guint             time,
                  GtkTreeView      *tree_view)
{
  UeComponentDef *component;
  UeSettingDef *setting;
  g_autofree char *payload = NULL;

  if (!ue_catalog_view_get_selected (self, &component, &setting))
    return;
  payload = g_strdup_printf ("%s\t%s\t%s", component->name, component->arch,
                             setting != NULL ? setting->path : "");
  gtk_selection_data_set (data, gtk_selection_data_get_target (data), 8,
                          (const guchar *) payload, strlen (payload));
}

static void
selection_changed_cb (UeCatalogView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
ue_catalog_view_dispose (GObject *object)
{
  UeCatalogView *self = UE_CATALOG_VIEW (object);

  if (self->tree_view != NULL)
    gtk_tree_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (ue_catalog_view_parent_class)->dispose (object);
}

static void
ue_catalog_view_class_init (UeCatalogViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_catalog_view_dispose;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/catalog-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, source_label);
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, tree_view);
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, column);
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, icon_renderer);
  gtk_widget_class_bind_template_child (widget_class, UeCatalogView, text_renderer);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, button_press_cb);
  gtk_widget_class_bind_template_callback (widget_class, popup_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_data_get_cb);
}

static void
ue_catalog_view_init (UeCatalogView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = gtk_tree_store_new (N_COLS, G_TYPE_INT, G_TYPE_POINTER, G_TYPE_POINTER, G_TYPE_BOOLEAN);
  self->filter = gtk_tree_model_filter_new (GTK_TREE_MODEL (self->store), NULL);
  gtk_tree_model_filter_set_visible_column (GTK_TREE_MODEL_FILTER (self->filter), COL_VISIBLE);

  gtk_tree_view_column_set_cell_data_func (self->column, self->icon_renderer, cell_data_func, self, NULL);
  gtk_tree_view_column_set_cell_data_func (self->column, self->text_renderer, cell_data_func, self, NULL);
  gtk_tree_view_enable_model_drag_source (self->tree_view, GDK_BUTTON1_MASK, drag_targets,
                                          G_N_ELEMENTS (drag_targets), GDK_ACTION_COPY);
  g_signal_connect_object (gtk_tree_view_get_selection (self->tree_view), "changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_source_label (self);
}
