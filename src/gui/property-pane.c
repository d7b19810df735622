/* property-pane.c — the Properties pane: typed editors and catalog facts for the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A container (component or complex setting) shows one editor per simple child the
 * catalog knows (set or not, as WSIM does) plus the simple children the file holds that
 * the catalog does not know; a simple setting shows its own editor. Below them, the
 * catalog's facts: type, passes, default, description.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "core/answer-doc-package.h"
#include "gui-private.h"
#include "package-editor.h"
#include "property-editor.h"
#include "property-pane.h"

struct _UePropertyPane
{
  GtkBox parent_instance;

  /* template widgets */
  GtkLabel *heading_label;
  GtkLabel *placeholder_label;
  GtkGrid  *values_grid;
  GtkGrid  *info_grid;

  UeAnswerDoc *doc;
  UeCatalog   *catalog;
  UeNode      *node;       /* borrowed: the node shown, NULL for none or a catalog entry */
  GPtrArray   *editors;    /* UePropertyEditor*, owned by the grid */
  UePackageEditor *package_editor; /* owned by the grid; NULL unless a package is shown */
  int          values_rows;
  int          info_rows;
};

G_DEFINE_FINAL_TYPE (UePropertyPane, ue_property_pane, GTK_TYPE_BOX)

static void
clear (UePropertyPane *self)
{
  GList *children;

  g_ptr_array_set_size (self->editors, 0);
  self->package_editor = NULL;
  children = gtk_container_get_children (GTK_CONTAINER (self->values_grid));
  children = g_list_concat (children, gtk_container_get_children (GTK_CONTAINER (self->info_grid)));
  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  self->values_rows = 0;
  self->info_rows = 0;
  gtk_label_set_text (self->heading_label, "");
  gtk_widget_show (GTK_WIDGET (self->placeholder_label));
}

static GtkWidget *
row_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "dim-label");
  gtk_widget_show (label);
  return label;
}

static void
add_info_row (UePropertyPane *self,
              const char     *name,
              const char     *value)
{
  GtkWidget *label;

  if (value == NULL || *value == '\0')
    return;
  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_show (label);
  gtk_grid_attach (self->info_grid, row_label (name), 0, self->info_rows, 1, 1);
  gtk_grid_attach (self->info_grid, label, 1, self->info_rows, 1, 1);
  self->info_rows++;
  gtk_widget_hide (GTK_WIDGET (self->placeholder_label));
}

static void
add_editor_row (UePropertyPane *self,
                UeSettingDef   *def,
                const char     *name,
                UeNode         *parent,
                UeNode         *node)
{
  UePropertyEditor *editor = ue_property_editor_new (self->doc, def, name);
  GtkWidget *label = row_label (def != NULL && def->display_name != NULL ? def->display_name : name);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (def != NULL && def->description != NULL)
    gtk_widget_set_tooltip_text (label, def->description);
  ue_property_editor_load (editor, parent, node);
  gtk_grid_attach (self->values_grid, label, 0, self->values_rows, 1, 1);
  gtk_grid_attach (self->values_grid, GTK_WIDGET (editor), 1, self->values_rows, 1, 1);
  g_ptr_array_add (self->editors, editor);
  self->values_rows++;
  gtk_widget_hide (GTK_WIDGET (self->placeholder_label));
}

static gboolean
is_simple_def (const UeSettingDef *def)
{
  return def->visible && def->kind == UE_SETTING_KIND_SIMPLE;
}

/* editors for the simple children of a container: the catalog's, then the file's others */
static void
add_child_editors (UePropertyPane *self,
                   UeNode         *container,
                   GPtrArray      *defs)
{
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      UeSettingDef *def = g_ptr_array_index (defs, i);

      if (is_simple_def (def))
        add_editor_row (self, def, def->name, container,
                        ue_answer_doc_find_child (self->doc, container, def->name));
    }
  for (UeNode *child = ue_node_get_first_child (container); child; child = ue_node_get_next (child))
    {
      const char *name = ue_node_get_name (child);
      gboolean known = FALSE;

      if (ue_node_count_children (child) > 0 || ue_node_is_list_item (child))
        continue;
      for (guint i = 0; defs != NULL && i < defs->len && !known; i++)
        known = g_ascii_strcasecmp (((UeSettingDef *) g_ptr_array_index (defs, i))->name, name) == 0;
      if (!known)
        add_editor_row (self, NULL, name, container, child);
    }
}

static char *
dup_type_text (const UeSettingDef *def)
{
  GString *text = g_string_new (NULL);

  if (def->kind == UE_SETTING_KIND_COMPLEX)
    g_string_append (text, _("Complex setting"));
  else if (def->kind == UE_SETTING_KIND_LIST)
    {
      if (def->key != NULL)
        g_string_append_printf (text, _("List item (key: %s)"), def->key);
      else
        g_string_append (text, _("List item"));
    }
  else
    g_string_append (text, def->xsd_type != NULL ? def->xsd_type : ue_value_type_to_string (def->value_type));

  if (def->has_min || def->has_max)
    {
      char min[32] = "", max[32] = "";

      if (def->has_min)
        g_snprintf (min, sizeof min, "%" G_GINT64_FORMAT, def->min);
      if (def->has_max)
        g_snprintf (max, sizeof max, "%" G_GINT64_FORMAT, def->max);
      g_string_append_printf (text, " (%s … %s)", min, max);
    }
  if (def->enum_values != NULL)
    {
      g_autofree char *values = g_strjoinv (", ", def->enum_values);

      g_string_append_printf (text, ": %s", values);
    }
  if (def->deprecated)
    g_string_append_printf (text, " — %s", _("deprecated"));
  return g_string_free (text, FALSE);
}

static void
add_setting_facts (UePropertyPane     *self,
                   const UeSettingDef *def)
{
  const UeSettingDef *top = def;
  g_autofree char *type = dup_type_text (def);
  g_autofree char *passes = NULL;

  while (top->parent != NULL)
    top = top->parent;
  passes = ue_pass_flags_to_string (top->passes);
  add_info_row (self, _("Path"), def->path);
  add_info_row (self, _("Type"), type);
  add_info_row (self, _("Passes"), passes);
  add_info_row (self, _("Default"), def->default_value);
  add_info_row (self, _("Applies to"), def->applies_to);
  add_info_row (self, _("Description"), def->description);
}

static void
add_component_facts (UePropertyPane       *self,
                     const UeComponentDef *def,
                     UeNode               *node)
{
  static const struct { const char *attribute; const char *label; } identity[] = {
    { "name", N_("Name") },
    { "processorArchitecture", N_("Architecture") },
    { "publicKeyToken", N_("Public key token") },
    { "language", N_("Language") },
    { "versionScope", N_("Version scope") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (identity); i++)
    {
      g_autofree char *value = NULL;

      if (node != NULL)
        value = ue_node_dup_attribute (node, identity[i].attribute);
      else if (i == 0)
        value = g_strdup (def->name);
      else if (i == 1)
        value = g_strdup (def->arch);
      else if (i == 2)
        value = g_strdup (def->public_key_token);
      else if (i == 3)
        value = g_strdup (def->language);
      else
        value = g_strdup (def->version_scope);
      add_info_row (self, _(identity[i].label), value);
    }
  if (def != NULL)
    {
      g_autofree char *passes = ue_pass_flags_to_string (_ue_component_def_get_passes (def));

      add_info_row (self, _("Version"), def->version);
      add_info_row (self, _("Passes"), passes);
      add_info_row (self, _("Description"), def->description);
    }
}

static void
show_setting (UePropertyPane *self,
              UeNode         *node)
{
  UeSettingDef *def = NULL;
  g_autofree char *path = ue_node_dup_path (node);

  _ue_catalog_lookup_node (self->catalog, node, &def);
  gtk_label_set_text (self->heading_label, path != NULL ? path : ue_node_get_name (node));

  if (ue_node_count_children (node) == 0
      && (def == NULL || def->kind == UE_SETTING_KIND_SIMPLE || def->value_type != UE_VALUE_TYPE_NONE))
    add_editor_row (self, def, ue_node_get_name (node), ue_node_get_parent (node), node);
  else
    add_child_editors (self, node, def != NULL ? def->children : NULL);

  if (def != NULL)
    add_setting_facts (self, def);
  else
    add_info_row (self, _("Type"), _("Not in the catalog"));
}

static void
show_component (UePropertyPane *self,
                UeNode         *node)
{
  UeComponentDef *def = _ue_catalog_lookup_node (self->catalog, node, NULL);
  g_autofree char *path = ue_node_dup_path (node);

  gtk_label_set_text (self->heading_label, path);
  add_child_editors (self, node, def != NULL ? def->settings : NULL);
  add_component_facts (self, def, node);
}

static void
show_package (UePropertyPane *self,
              UeNode         *node)
{
  g_autoptr(UePackageDef) identity = ue_package_node_dup_identity (node);
  UePackageDef *def = ue_package_node_find_def (node, self->catalog);
  GtkWidget *editor = ue_package_editor_new (self->doc, self->catalog);

  gtk_label_set_text (self->heading_label, identity != NULL ? identity->name : ue_node_get_name (node));
  gtk_widget_set_hexpand (editor, TRUE);
  gtk_grid_attach (self->values_grid, editor, 0, self->values_rows++, 2, 1);
  self->package_editor = UE_PACKAGE_EDITOR (editor);
  ue_package_editor_load (self->package_editor, node);
  gtk_widget_hide (GTK_WIDGET (self->placeholder_label));
  if (def != NULL)
    add_info_row (self, _("Release type"), def->release_type);
  else
    add_info_row (self, _("Type"), _("Not in the catalog"));
}

void
ue_property_pane_show_node (UePropertyPane *self,
                            UeNode         *node)
{
  g_return_if_fail (UE_IS_PROPERTY_PANE (self));

  if (node != NULL && node == self->node)
    {
      for (guint i = 0; i < self->editors->len; i++)
        ue_property_editor_reload (g_ptr_array_index (self->editors, i));
      if (self->package_editor != NULL)
        ue_package_editor_load (self->package_editor, node);
      return;
    }

  clear (self);
  self->node = node;
  if (node == NULL || self->doc == NULL)
    return;

  switch (ue_node_get_kind (node))
    {
    case UE_NODE_KIND_COMPONENT:
      show_component (self, node);
      break;
    case UE_NODE_KIND_SETTING:
    case UE_NODE_KIND_OTHER:
      show_setting (self, node);
      break;
    case UE_NODE_KIND_PASS:
      {
        g_autofree char *pass = ue_node_dup_attribute (node, "pass");
        g_autofree char *count = g_strdup_printf ("%u", ue_node_count_children (node));

        gtk_label_set_text (self->heading_label, pass);
        add_info_row (self, _("Components"), count);
      }
      break;
    case UE_NODE_KIND_PACKAGE:
      show_package (self, node);
      break;
    case UE_NODE_KIND_ROOT:
    case UE_NODE_KIND_SERVICING:
    case UE_NODE_KIND_OFFLINE_IMAGE:
    default:
      gtk_label_set_text (self->heading_label, ue_node_get_name (node));
      break;
    }
}

void
ue_property_pane_show_def (UePropertyPane *self,
                           UeComponentDef *component,
                           UeSettingDef   *setting)
{
  g_autofree char *name = NULL;

  g_return_if_fail (UE_IS_PROPERTY_PANE (self));

  clear (self);
  self->node = NULL;
  if (component == NULL)
    return;
  name = ue_component_def_dup_display_name (component);
  if (setting != NULL)
    {
      g_autofree char *heading = g_strdup_printf ("%s/%s", component->name, setting->path);

      gtk_label_set_text (self->heading_label, heading);
      add_setting_facts (self, setting);
    }
  else
    {
      gtk_label_set_text (self->heading_label, name);
      add_component_facts (self, component, NULL);
    }
}

void
ue_property_pane_show_package_def (UePropertyPane     *self,
                                   const UePackageDef *def)
{
  g_autofree char *features = NULL;

  g_return_if_fail (UE_IS_PROPERTY_PANE (self));

  clear (self);
  self->node = NULL;
  if (def == NULL)
    return;
  features = g_strjoinv (", ", def->features);
  gtk_label_set_text (self->heading_label, def->name);
  add_info_row (self, _("Name"), def->name);
  add_info_row (self, _("Version"), def->version);
  add_info_row (self, _("Architecture"), def->arch);
  add_info_row (self, _("Language"), def->language);
  add_info_row (self, _("Public key token"), def->public_key_token);
  add_info_row (self, _("Release type"), def->release_type);
  add_info_row (self, _("Features"), features);
}

void
ue_property_pane_set_context (UePropertyPane *self,
                              UeAnswerDoc    *doc,
                              UeCatalog      *catalog)
{
  g_return_if_fail (UE_IS_PROPERTY_PANE (self));

  clear (self);
  self->node = NULL;
  g_set_object (&self->doc, doc);
  g_set_object (&self->catalog, catalog);
}

static void
ue_property_pane_dispose (GObject *object)
{
  UePropertyPane *self = UE_PROPERTY_PANE (object);

  if (self->editors != NULL)
    g_ptr_array_set_size (self->editors, 0);
  self->node = NULL;
  g_clear_object (&self->doc);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (ue_property_pane_parent_class)->dispose (object);
}

static void
ue_property_pane_finalize (GObject *object)
{
  g_clear_pointer (&UE_PROPERTY_PANE (object)->editors, g_ptr_array_unref);
  G_OBJECT_CLASS (ue_property_pane_parent_class)->finalize (object);
}

static void
ue_property_pane_class_init (UePropertyPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_property_pane_dispose;
  G_OBJECT_CLASS (klass)->finalize = ue_property_pane_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/property-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, UePropertyPane, heading_label);
  gtk_widget_class_bind_template_child (widget_class, UePropertyPane, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, UePropertyPane, values_grid);
  gtk_widget_class_bind_template_child (widget_class, UePropertyPane, info_grid);
}

static void
ue_property_pane_init (UePropertyPane *self)
{
  /* the grid owns the editors; the array only lists them */
  self->editors = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
