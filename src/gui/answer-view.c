/* answer-view.c — the Answer File pane: passes, components, settings and packages
 *
 * A store of pointers into the document; cell-data functions compute the text. The
 * document is the truth: on every change the window asks for a refresh, which rebuilds
 * the rows and restores the expanded rows and the selection by node (nodes keep their
 * address while they are in the document or on its undo stack).
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "answer-view.h"
#include "catalog-view.h"
#include "core/secret.h"
#include "gui-private.h"

typedef enum
{
  ROW_COMPONENTS,
  ROW_PACKAGES,
  ROW_PASS,
  ROW_NODE,
} RowKind;

enum
{
  COL_KIND,
  COL_NODE,    /* UeNode* or NULL */
  COL_PASS,    /* 1..7 for pass rows, 0 otherwise */
  N_COLS
};

/* keys for rows without a node; nodes are keyed by their address */
#define KEY_COMPONENTS GUINT_TO_POINTER (0x100)
#define KEY_PACKAGES   GUINT_TO_POINTER (0x101)
#define KEY_PASS(n)    GUINT_TO_POINTER (n)

struct _UeAnswerView
{
  GtkBox parent_instance;

  /* template widgets */
  GtkLabel          *file_label;
  GtkTreeView       *tree_view;
  GtkTreeViewColumn *column;
  GtkCellRenderer   *icon_renderer;
  GtkCellRenderer   *text_renderer;
  GMenuModel        *context_menu;

  UeAnswerDoc        *doc;
  GtkTreeStore       *store;
  gulong              selection_handler;
};

G_DEFINE_FINAL_TYPE (UeAnswerView, ue_answer_view, GTK_TYPE_BOX)

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GtkTargetEntry drop_targets[] = {
  { (char *) UE_CATALOG_DRAG_TARGET, GTK_TARGET_SAME_APP, 0 },
};

static char *
dup_node_label (UeNode *node)
{
  const char *name = ue_node_get_name (node);
  UeNode *up = ue_node_get_parent (node);

  /* a package's feature reads as a setting does: its name, then its state */
  if (strcmp (name, "selection") == 0 && up != NULL && ue_node_get_kind (up) == UE_NODE_KIND_PACKAGE)
    {
      g_autofree char *feature = ue_node_dup_attribute (node, "name");
      g_autofree char *state = ue_node_dup_attribute (node, "state");

      return g_markup_printf_escaped ("%s  <span alpha=\"60%%\">%s</span>", feature ? feature : name,
                                      state ? state : "");
    }
  switch (ue_node_get_kind (node))
    {
    case UE_NODE_KIND_COMPONENT:
      {
        g_autofree char *cname = ue_node_dup_attribute (node, "name");
        g_autofree char *arch = ue_node_dup_attribute (node, "processorArchitecture");
        g_autofree char *lang = ue_node_dup_attribute (node, "language");

        return g_markup_printf_escaped ("%s_%s_%s", arch ? arch : "", cname ? cname : "",
                                        lang ? lang : "");
      }
    case UE_NODE_KIND_PACKAGE:
      {
        UeNode *identity = ue_node_get_first_child (node);
        g_autofree char *pname = identity ? ue_node_dup_attribute (identity, "name") : NULL;

        return g_markup_escape_text (pname ? pname : name, -1);
      }
    case UE_NODE_KIND_SETTING:
      {
        g_autofree char *text = ue_node_dup_text (node);

        const char *key = ue_node_is_list_item (node) ? ue_node_guess_key (node) : NULL;
        g_autofree char *key_value = NULL;

        if (key != NULL && key[0] == '@')
          key_value = ue_node_dup_attribute (node, key + 1);
        else if (key != NULL)
          {
            for (UeNode *c = ue_node_get_first_child (node); c; c = ue_node_get_next (c))
              if (strcmp (ue_node_get_name (c), key) == 0)
                {
                  key_value = ue_node_dup_text (c);
                  break;
                }
          }
        if (key_value != NULL)
          return g_markup_printf_escaped ("%s[%s=\"%s\"]", name, key[0] == '@' ? key + 1 : key, key_value);
        if (text != NULL && ue_node_count_children (node) == 0)
          {
            UeNode *parent = ue_node_get_parent (node);
            /* a password's Value shows no more than the Properties pane does */
            gboolean secret = strcmp (name, "Value") == 0 && parent != NULL
                              && ue_secret_is_password_element (ue_node_get_name (parent));

            return g_markup_printf_escaped ("%s  <span alpha=\"60%%\">%s</span>", name,
                                            secret ? "••••••" : text);
          }
        return g_markup_escape_text (name, -1);
      }
    default:
      return g_markup_escape_text (name, -1);
    }
}

static void
cell_data_func (GtkTreeViewColumn *column,
                GtkCellRenderer   *cell,
                GtkTreeModel      *model,
                GtkTreeIter       *iter,
                gpointer           user_data)
{
  UeAnswerView *self = user_data;
  RowKind kind;
  UeNode *node;
  guint pass;
  g_autofree char *markup = NULL;
  const char *icon = "folder-symbolic";

  gtk_tree_model_get (model, iter, COL_KIND, &kind, COL_NODE, &node, COL_PASS, &pass, -1);
  switch (kind)
    {
    case ROW_COMPONENTS:
      markup = g_markup_escape_text (_("Components"), -1);
      break;
    case ROW_PACKAGES:
      markup = g_markup_escape_text (_("Packages"), -1);
      break;
    case ROW_PASS:
      {
        g_autofree char *label = NULL;

        if (pass != 0)
          label = _ue_pass_dup_label (pass);
        else
          label = ue_node_dup_attribute (node, "pass");
        markup = g_markup_escape_text (label ? label : "", -1);
        icon = "view-list-symbolic";
      }
      break;
    case ROW_NODE:
      markup = dup_node_label (node);
      if (ue_node_get_kind (node) == UE_NODE_KIND_COMPONENT)
        icon = "application-x-addon-symbolic";
      else if (ue_node_get_kind (node) == UE_NODE_KIND_PACKAGE)
        icon = "package-x-generic-symbolic";
      else if (ue_node_count_children (node) == 0)
        icon = "emblem-system-symbolic";
      else if (ue_node_is_list_item (node))
        icon = "view-list-symbolic";
      break;
    default:
      g_assert_not_reached ();
    }

  if (cell == self->icon_renderer)
    g_object_set (cell, "icon-name", icon, NULL);
  else
    g_object_set (cell, "markup", markup, NULL);
}

static void
add_children (UeAnswerView *self,
              GtkTreeIter  *parent,
              UeNode       *node)
{
  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      GtkTreeIter iter;

      gtk_tree_store_insert_with_values (self->store, &iter, parent, -1,
                                         COL_KIND, ROW_NODE, COL_NODE, child, -1);
      add_children (self, &iter, child);
    }
}

static void
fill_store (UeAnswerView *self)
{
  GtkTreeIter components, packages, pass_iters[UE_N_PASSES + 1];
  g_autoptr(GPtrArray) passes = NULL;
  UeNode *root;

  gtk_tree_store_clear (self->store);
  if (self->doc == NULL)
    return;

  gtk_tree_store_insert_with_values (self->store, &components, NULL, -1, COL_KIND, ROW_COMPONENTS, -1);
  for (guint n = 1; n <= UE_N_PASSES; n++)
    gtk_tree_store_insert_with_values (self->store, &pass_iters[n], &components, -1,
                                       COL_KIND, ROW_PASS, COL_PASS, n,
                                       COL_NODE, ue_answer_doc_find_pass (self->doc, ue_pass_name (n)), -1);

  /* a pass may be repeated in a file: its rows gather under one pass row */
  passes = ue_answer_doc_get_passes (self->doc);
  for (guint i = 0; i < passes->len; i++)
    {
      UeNode *pass = g_ptr_array_index (passes, i);
      g_autofree char *name = ue_node_dup_attribute (pass, "pass");
      guint n = ue_pass_number_from_name (name);
      GtkTreeIter other;

      if (n == 0)
        {
          gtk_tree_store_insert_with_values (self->store, &other, &components, -1,
                                             COL_KIND, ROW_PASS, COL_PASS, 0, COL_NODE, pass, -1);
          add_children (self, &other, pass);
        }
      else
        add_children (self, &pass_iters[n], pass);
    }

  gtk_tree_store_insert_with_values (self->store, &packages, NULL, -1, COL_KIND, ROW_PACKAGES, -1);
  root = ue_answer_doc_get_root (self->doc);
  for (UeNode *child = root ? ue_node_get_first_child (root) : NULL; child; child = ue_node_get_next (child))
    if (ue_node_get_kind (child) == UE_NODE_KIND_SERVICING)
      add_children (self, &packages, child);
}

static gpointer
row_key (GtkTreeModel *model,
         GtkTreeIter  *iter)
{
  RowKind kind;
  UeNode *node;
  guint pass;

  gtk_tree_model_get (model, iter, COL_KIND, &kind, COL_NODE, &node, COL_PASS, &pass, -1);
  switch (kind)
    {
    case ROW_COMPONENTS: return KEY_COMPONENTS;
    case ROW_PACKAGES: return KEY_PACKAGES;
    case ROW_PASS: return pass != 0 ? KEY_PASS (pass) : node;
    case ROW_NODE: return node;
    default: g_assert_not_reached ();
    }
}

static void
collect_expanded (GtkTreeView *tree_view,
                  GtkTreePath *path,
                  gpointer     user_data)
{
  GHashTable *expanded = user_data;
  GtkTreeModel *model = gtk_tree_view_get_model (tree_view);
  GtkTreeIter iter;

  if (gtk_tree_model_get_iter (model, &iter, path))
    g_hash_table_add (expanded, row_key (model, &iter));
}

static gboolean
find_key (GtkTreeModel *model,
          GtkTreeIter  *iter,
          gpointer      key,
          GtkTreeIter  *parent)
{
  if (!gtk_tree_model_iter_children (model, iter, parent))
    return FALSE;
  do
    {
      GtkTreeIter child;

      if (row_key (model, iter) == key)
        return TRUE;
      if (find_key (model, &child, key, iter))
        {
          *iter = child;
          return TRUE;
        }
    }
  while (gtk_tree_model_iter_next (model, iter));
  return FALSE;
}

static void
restore_expanded (UeAnswerView *self,
                  GHashTable   *expanded,
                  GtkTreeIter  *parent)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  GtkTreeIter iter;

  if (!gtk_tree_model_iter_children (model, &iter, parent))
    return;
  do
    if (expanded == NULL || g_hash_table_contains (expanded, row_key (model, &iter)))
      {
        g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);

        gtk_tree_view_expand_row (self->tree_view, path, FALSE);
        restore_expanded (self, expanded, &iter);
      }
  while (gtk_tree_model_iter_next (model, &iter));
}

static void
select_iter (UeAnswerView *self,
             GtkTreeIter  *iter)
{
  g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->store), iter);

  gtk_tree_view_expand_to_path (self->tree_view, path);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
}

void
ue_answer_view_refresh (UeAnswerView *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  GtkTreeIter iter;
  gboolean had_rows;
  gboolean restored = FALSE;

  g_return_if_fail (UE_IS_ANSWER_VIEW (self));

  had_rows = gtk_tree_model_get_iter_first (model, &iter);
  gtk_tree_view_map_expanded_rows (self->tree_view, collect_expanded, expanded);
  /* the selected row and its ancestors, nearest first: if the row goes, its parent is selected */
  if (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), NULL, &iter))
    {
      GtkTreeIter parent;

      do
        {
          g_ptr_array_add (chain, row_key (model, &iter));
          if (!gtk_tree_model_iter_parent (model, &parent, &iter))
            break;
          iter = parent;
        }
      while (TRUE);
    }

  gtk_label_set_text (self->file_label, self->doc != NULL ? ue_answer_doc_get_display_name (self->doc) : "");
  g_signal_handler_block (gtk_tree_view_get_selection (self->tree_view), self->selection_handler);
  fill_store (self);
  /* a freshly opened file shows everything it holds */
  restore_expanded (self, had_rows ? expanded : NULL, NULL);
  for (guint i = 0; i < chain->len && !restored; i++)
    if (find_key (model, &iter, g_ptr_array_index (chain, i), NULL))
      {
        select_iter (self, &iter);
        restored = TRUE;
      }
  g_signal_handler_unblock (gtk_tree_view_get_selection (self->tree_view), self->selection_handler);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
ue_answer_view_set_document (UeAnswerView *self,
                             UeAnswerDoc  *doc)
{
  g_return_if_fail (UE_IS_ANSWER_VIEW (self));
  g_return_if_fail (doc == NULL || UE_IS_ANSWER_DOC (doc));

  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_tree_store_clear (self->store);
  g_set_object (&self->doc, doc);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->store));
  ue_answer_view_refresh (self);
}

static gboolean
get_selected_iter (UeAnswerView *self,
                   GtkTreeIter  *iter)
{
  return gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), NULL, iter);
}

UeNode *
ue_answer_view_get_selected (UeAnswerView *self)
{
  GtkTreeIter iter;
  UeNode *node = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_VIEW (self), NULL);

  if (get_selected_iter (self, &iter))
    gtk_tree_model_get (GTK_TREE_MODEL (self->store), &iter, COL_NODE, &node, -1);
  return node;
}

guint
ue_answer_view_get_selected_pass (UeAnswerView *self)
{
  GtkTreeIter iter, parent;
  guint pass = 0;

  g_return_val_if_fail (UE_IS_ANSWER_VIEW (self), 0);

  if (!get_selected_iter (self, &iter))
    return 0;
  do
    {
      RowKind kind;

      gtk_tree_model_get (GTK_TREE_MODEL (self->store), &iter, COL_KIND, &kind, COL_PASS, &pass, -1);
      if (kind == ROW_PASS)
        return pass;
      if (!gtk_tree_model_iter_parent (GTK_TREE_MODEL (self->store), &parent, &iter))
        return 0;
      iter = parent;
    }
  while (TRUE);
}

gboolean
ue_answer_view_select_node (UeAnswerView *self,
                            UeNode       *node)
{
  GtkTreeIter iter;

  g_return_val_if_fail (UE_IS_ANSWER_VIEW (self), FALSE);

  if (node == NULL)
    return FALSE;
  /* a pass row shows the first element of its pass */
  if (ue_node_get_kind (node) == UE_NODE_KIND_PASS)
    {
      g_autofree char *name = ue_node_dup_attribute (node, "pass");
      guint n = ue_pass_number_from_name (name);

      if (n != 0 && find_key (GTK_TREE_MODEL (self->store), &iter, KEY_PASS (n), NULL))
        {
          select_iter (self, &iter);
          return TRUE;
        }
    }
  if (!find_key (GTK_TREE_MODEL (self->store), &iter, node, NULL))
    return FALSE;
  select_iter (self, &iter);
  return TRUE;
}

static gboolean
button_press_cb (UeAnswerView   *self,
                 GdkEventButton *event,
                 GtkTreeView    *tree_view)
{
  g_autoptr(GtkTreePath) path = NULL;

  if (!gdk_event_triggers_context_menu ((GdkEvent *) event))
    return GDK_EVENT_PROPAGATE;
  if (gtk_tree_view_get_path_at_pos (tree_view, event->x, event->y, &path, NULL, NULL, NULL))
    gtk_tree_view_set_cursor (tree_view, path, NULL, FALSE);
  _ue_tree_view_popup_menu (tree_view, self->context_menu, (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static gboolean
popup_menu_cb (UeAnswerView *self,
               GtkTreeView  *tree_view)
{
  _ue_tree_view_popup_menu (tree_view, self->context_menu, NULL);
  return TRUE;
}

static gboolean
key_press_cb (UeAnswerView *self,
              GdkEventKey  *event,
              GtkTreeView  *tree_view)
{
  GActionGroup *actions = gtk_widget_get_action_group (GTK_WIDGET (self), "win");

  /* Delete belongs to the tree, not to the window: entries need the key for themselves */
  if (event->keyval != GDK_KEY_Delete || actions == NULL
      || !g_action_group_get_action_enabled (actions, "delete"))
    return GDK_EVENT_PROPAGATE;
  g_action_group_activate_action (actions, "delete", NULL);
  return GDK_EVENT_STOP;
}

static guint
pass_at (UeAnswerView *self,
         int           x,
         int           y)
{
  g_autoptr(GtkTreePath) path = NULL;
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  GtkTreeIter iter, parent;

  if (!gtk_tree_view_get_dest_row_at_pos (self->tree_view, x, y, &path, NULL)
      || !gtk_tree_model_get_iter (model, &iter, path))
    return 0;
  do
    {
      RowKind kind;
      guint pass;

      gtk_tree_model_get (model, &iter, COL_KIND, &kind, COL_PASS, &pass, -1);
      if (kind == ROW_PASS)
        return pass;
      if (!gtk_tree_model_iter_parent (model, &parent, &iter))
        return 0;
      iter = parent;
    }
  while (TRUE);
}

static void
drag_data_received_cb (UeAnswerView     *self,
                       GdkDragContext   *context,
                       int               x,
                       int               y,
                       GtkSelectionData *data,
                       guint             info,
                       guint             time,
                       GtkTreeView      *tree_view)
{
  g_autofree char *payload = NULL;
  g_auto(GStrv) parts = NULL;
  guint pass = pass_at (self, x, y);
  GActionGroup *actions = gtk_widget_get_action_group (GTK_WIDGET (self), "win");
  gboolean ok = FALSE;

  /* the tree view's own handler would try to move rows of the store */
  g_signal_stop_emission_by_name (tree_view, "drag-data-received");

  if (gtk_selection_data_get_length (data) > 0)
    payload = g_strndup ((const char *) gtk_selection_data_get_data (data),
                         gtk_selection_data_get_length (data));
  if (payload != NULL)
    parts = g_strsplit (payload, "\t", 3);
  if (pass != 0 && parts != NULL && g_strv_length (parts) == 3 && actions != NULL)
    {
      g_action_group_activate_action (actions, "add-setting",
                                      g_variant_new ("(usss)", pass, parts[0], parts[1], parts[2]));
      ok = TRUE;
    }
  gtk_drag_finish (context, ok, FALSE, time);
}

static void
selection_changed_cb (UeAnswerView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
ue_answer_view_dispose (GObject *object)
{
  UeAnswerView *self = UE_ANSWER_VIEW (object);

  if (self->tree_view != NULL)
    gtk_tree_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (ue_answer_view_parent_class)->dispose (object);
}

static void
ue_answer_view_class_init (UeAnswerViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_answer_view_dispose;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/answer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, file_label);
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, tree_view);
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, column);
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, icon_renderer);
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, text_renderer);
  gtk_widget_class_bind_template_child (widget_class, UeAnswerView, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, button_press_cb);
  gtk_widget_class_bind_template_callback (widget_class, popup_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_press_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_data_received_cb);
}

static void
ue_answer_view_init (UeAnswerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = gtk_tree_store_new (N_COLS, G_TYPE_INT, G_TYPE_POINTER, G_TYPE_UINT);
  gtk_tree_view_column_set_cell_data_func (self->column, self->icon_renderer, cell_data_func, self, NULL);
  gtk_tree_view_column_set_cell_data_func (self->column, self->text_renderer, cell_data_func, self, NULL);
  gtk_tree_view_enable_model_drag_dest (self->tree_view, drop_targets, G_N_ELEMENTS (drop_targets),
                                        GDK_ACTION_COPY);
  self->selection_handler = g_signal_connect_object (gtk_tree_view_get_selection (self->tree_view),
                                                     "changed", G_CALLBACK (selection_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
}
