/* package-editor.c — the Properties pane's editor of a servicing package: action and features
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The identity is shown, the action and each feature's selection edited: one combo per
 * feature (Not set / Enabled / Disabled), for the features the catalog's package lists
 * and the selections the file holds that it does not. Every change is one edit on the
 * document; a reload after it (or after undo) updates the combos in place, under a
 * loading guard, so that a combo is never destroyed inside its own signal.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "core/answer-doc-package.h"
#include "gui-private.h"
#include "package-editor.h"

struct _UePackageEditor
{
  GtkBox parent_instance;

  /* template widgets */
  GtkGrid         *identity_grid;
  GtkComboBoxText *action_combo;
  GtkLabel        *no_features_label;
  GtkGrid         *features_grid;

  UeAnswerDoc *doc;
  UeCatalog   *catalog;
  UeNode      *package;       /* borrowed: valid while in the document or its undo stack */
  GHashTable  *combos;        /* casefolded feature name -> GtkComboBox (owned by the grid) */
  int          feature_rows;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (UePackageEditor, ue_package_editor, GTK_TYPE_BOX)

/* combo ids, in the order of UeFeatureState */
static const char * const state_ids[] = { "not-set", "enabled", "disabled" };

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "dim-label");
  gtk_widget_show (label);
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (grid));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

static void
show_identity (UePackageEditor *self)
{
  g_autoptr(UePackageDef) identity = ue_package_node_dup_identity (self->package);
  const struct { const char *label; const char *value; } rows[] = {
    { _("Name"), identity ? identity->name : NULL },
    { _("Version"), identity ? identity->version : NULL },
    { _("Architecture"), identity ? identity->arch : NULL },
    { _("Language"), identity ? identity->language : NULL },
    { _("Public key token"), identity ? identity->public_key_token : NULL },
  };

  clear_grid (self->identity_grid);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *value = gtk_label_new (rows[i].value != NULL ? rows[i].value : "");

      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      /* package names are long, and all of the name matters */
      gtk_label_set_line_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_line_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 30);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_show (value);
      gtk_grid_attach (self->identity_grid, dim_label (rows[i].label), 0, i, 1, 1);
      gtk_grid_attach (self->identity_grid, value, 1, i, 1, 1);
    }
}

static void
feature_changed_cb (GtkComboBox     *combo,
                    UePackageEditor *self)
{
  const char *feature = g_object_get_data (G_OBJECT (combo), "ue-feature");
  int active = gtk_combo_box_get_active (combo);

  if (self->loading || self->package == NULL || active < 0)
    return;
  ue_answer_doc_set_feature_state (self->doc, self->package, feature, (UeFeatureState) active);
}

static void
add_feature_row (UePackageEditor *self,
                 const char      *feature)
{
  g_autofree char *key = g_utf8_casefold (feature, -1);
  GtkWidget *combo;
  GtkWidget *label;

  if (g_hash_table_contains (self->combos, key))
    return;
  combo = gtk_combo_box_text_new ();
  /* in the order of UeFeatureState */
  gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (combo), state_ids[0], C_("feature state", "Not set"));
  gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (combo), state_ids[1], C_("feature state", "Enabled"));
  gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (combo), state_ids[2], C_("feature state", "Disabled"));
  g_object_set_data_full (G_OBJECT (combo), "ue-feature", g_strdup (feature), g_free);
  _ue_widget_set_accessible_name (combo, feature);
  g_signal_connect (combo, "changed", G_CALLBACK (feature_changed_cb), self);
  gtk_widget_show (combo);

  label = dim_label (feature);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (label, feature);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->features_grid, label, 0, self->feature_rows, 1, 1);
  gtk_grid_attach (self->features_grid, combo, 1, self->feature_rows, 1, 1);
  self->feature_rows++;
  g_hash_table_insert (self->combos, g_steal_pointer (&key), combo);
  gtk_widget_hide (GTK_WIDGET (self->no_features_label));
}

static void
load_feature (gpointer key,
              gpointer value,
              gpointer user_data)
{
  UePackageEditor *self = user_data;
  GtkComboBox *combo = value;
  const char *feature = g_object_get_data (G_OBJECT (combo), "ue-feature");
  UeFeatureState state = ue_package_node_get_feature_state (self->package, feature);

  /* a state Windows does not read shows as no choice (the validator names it) */
  gtk_combo_box_set_active (combo, state == UE_FEATURE_STATE_INVALID ? -1 : (int) state);
}

static void
load_values (UePackageEditor *self)
{
  UePackageDef *def = ue_package_node_find_def (self->package, self->catalog);
  g_autoptr(GPtrArray) selections = ue_package_node_get_selections (self->package);
  g_autofree char *action = ue_package_node_dup_action (self->package);

  self->loading = TRUE;
  if (action == NULL || !gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->action_combo), action))
    gtk_combo_box_set_active (GTK_COMBO_BOX (self->action_combo), -1);
  /* rows are only added: a feature set back to "not set" keeps its row */
  for (guint i = 0; def != NULL && def->features[i] != NULL; i++)
    add_feature_row (self, def->features[i]);
  for (guint i = 0; i < selections->len; i++)
    {
      g_autofree char *name = ue_node_dup_attribute (g_ptr_array_index (selections, i), "name");

      if (name != NULL && *name != '\0')
        add_feature_row (self, name);
    }
  g_hash_table_foreach (self->combos, load_feature, self);
  self->loading = FALSE;
}

void
ue_package_editor_load (UePackageEditor *self,
                        UeNode          *package)
{
  g_return_if_fail (UE_IS_PACKAGE_EDITOR (self));
  g_return_if_fail (package != NULL && ue_node_get_kind (package) == UE_NODE_KIND_PACKAGE);

  if (package != self->package)
    {
      self->package = package;
      g_hash_table_remove_all (self->combos);
      clear_grid (self->features_grid);
      self->feature_rows = 0;
      gtk_widget_show (GTK_WIDGET (self->no_features_label));
      show_identity (self);
    }
  load_values (self);
}

UeNode *
ue_package_editor_get_package (UePackageEditor *self)
{
  g_return_val_if_fail (UE_IS_PACKAGE_EDITOR (self), NULL);
  return self->package;
}

static void
action_changed_cb (UePackageEditor *self,
                   GtkComboBox     *combo)
{
  const char *id = gtk_combo_box_get_active_id (combo);

  if (self->loading || self->package == NULL || id == NULL)
    return;
  ue_answer_doc_set_package_action (self->doc, self->package, id);
}

GtkWidget *
ue_package_editor_new (UeAnswerDoc *doc,
                       UeCatalog   *catalog)
{
  UePackageEditor *self;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  self = g_object_new (UE_TYPE_PACKAGE_EDITOR, NULL);
  self->doc = g_object_ref (doc);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  return GTK_WIDGET (self);
}

static void
ue_package_editor_dispose (GObject *object)
{
  UePackageEditor *self = UE_PACKAGE_EDITOR (object);

  self->package = NULL;
  if (self->combos != NULL)
    g_hash_table_remove_all (self->combos);
  g_clear_object (&self->doc);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (ue_package_editor_parent_class)->dispose (object);
}

static void
ue_package_editor_finalize (GObject *object)
{
  g_clear_pointer (&UE_PACKAGE_EDITOR (object)->combos, g_hash_table_unref);
  G_OBJECT_CLASS (ue_package_editor_parent_class)->finalize (object);
}

static void
ue_package_editor_class_init (UePackageEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_package_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = ue_package_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/package-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UePackageEditor, identity_grid);
  gtk_widget_class_bind_template_child (widget_class, UePackageEditor, action_combo);
  gtk_widget_class_bind_template_child (widget_class, UePackageEditor, no_features_label);
  gtk_widget_class_bind_template_child (widget_class, UePackageEditor, features_grid);
  gtk_widget_class_bind_template_callback (widget_class, action_changed_cb);
}

static void
ue_package_editor_init (UePackageEditor *self)
{
  /* the grid owns the combos; the table only finds them */
  self->combos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
