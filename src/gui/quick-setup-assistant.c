/* quick-setup-assistant.c — Setup Manager's few pages for the popular options of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages only edit widgets; a UeQuickSetup is built from them for the summary page and
 * for Apply, so what the summary lists is what ue_quick_setup_apply() writes.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/quick-setup.h"
#include "gui-private.h"
#include "quick-setup-assistant.h"

enum
{
  TZ_COLUMN_LABEL,
  TZ_COLUMN_OFFSET,
  TZ_COLUMN_ID,     /* "" for the row that leaves the time zone unset */
  TZ_N_COLUMNS
};

struct _UeQuickSetupAssistant
{
  GtkAssistant parent_instance;

  /* template widgets */
  GtkRadioButton  *name_unset_radio;
  GtkRadioButton  *name_auto_radio;
  GtkRadioButton  *name_fixed_radio;
  GtkEntry        *name_entry;
  GtkEntry        *organization_entry;
  GtkEntry        *owner_entry;
  GtkSearchEntry  *time_zone_search;
  GtkTreeView     *time_zone_view;
  GtkLabel        *time_zone_choice;
  GtkComboBoxText *input_locale_combo;
  GtkComboBoxText *system_locale_combo;
  GtkComboBoxText *ui_language_combo;
  GtkComboBoxText *user_locale_combo;
  GtkEntry        *admin_password_entry;
  GtkEntry        *second_name_entry;
  GtkEntry        *second_password_entry;
  GtkCheckButton  *hide_passwords_check;
  GtkTreeView     *commands_view;
  GtkEntry        *command_entry;
  GtkButton       *add_button;
  GtkButton       *remove_button;
  GtkButton       *up_button;
  GtkButton       *down_button;
  GtkCheckButton  *no_ict_check;
  GtkCheckButton  *no_server_manager_check;
  GtkCheckButton  *ie_esc_admins_check;
  GtkCheckButton  *ie_esc_users_check;
  GtkRadioButton  *updates_unset_radio;
  GtkRadioButton  *updates_1_radio;
  GtkRadioButton  *updates_2_radio;
  GtkRadioButton  *updates_3_radio;
  GtkComboBoxText *network_combo;
  GtkCheckButton  *skip_eula_check;
  GtkComboBoxText *color_depth_combo;
  GtkSpinButton   *width_spin;
  GtkSpinButton   *height_spin;
  GtkSpinButton   *refresh_spin;
  GtkWidget       *summary_page;
  GtkTextView     *summary_view;

  /* state */
  UeAnswerDoc        *doc;
  GtkListStore       *time_zones;
  GtkTreeModelFilter *time_zone_filter;
  GtkListStore       *commands;
  char               *time_zone;        /* the chosen ID, kept while the search hides its row */
  gboolean            selecting;        /* the code moves the time-zone selection */
};

G_DEFINE_FINAL_TYPE (UeQuickSetupAssistant, ue_quick_setup_assistant, GTK_TYPE_ASSISTANT)

static void
toggle_set (gpointer widget,
            gboolean active)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), active);
}

static gboolean
toggle_get (gpointer widget)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

/* NULL for an empty entry: the option is not set */
static char *
entry_dup (GtkEntry *entry)
{
  const char *text = gtk_entry_get_text (entry);

  return *text != '\0' ? g_strdup (text) : NULL;
}

/* a value the list does not offer is added, so that reopening shows what the file says */
static void
combo_set (GtkComboBoxText *combo,
           const char      *id)
{
  if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (combo), id != NULL ? id : ""))
    {
      gtk_combo_box_text_append (combo, id, id);
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (combo), id);
    }
}

static char *
combo_dup (GtkComboBoxText *combo)
{
  const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (combo));

  return id != NULL && *id != '\0' ? g_strdup (id) : NULL;
}

static void
fill_locales (UeQuickSetupAssistant *self)
{
  g_auto(GStrv) locales = ue_quick_setup_list_locales ();
  GtkComboBoxText *combos[] = { self->input_locale_combo, self->system_locale_combo,
                                self->ui_language_combo, self->user_locale_combo };

  for (guint c = 0; c < G_N_ELEMENTS (combos); c++)
    {
      gtk_combo_box_text_append (combos[c], "", _("Not set"));
      for (guint i = 0; locales[i] != NULL && locales[i + 1] != NULL; i += 2)
        {
          g_autofree char *text = g_strdup_printf ("%s (%s)", locales[i + 1], locales[i]);

          gtk_combo_box_text_append (combos[c], locales[i], text);
        }
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (combos[c]), "");
    }
}

static gboolean
time_zone_visible (GtkTreeModel *model,
                   GtkTreeIter  *iter,
                   gpointer      user_data)
{
  UeQuickSetupAssistant *self = user_data;
  const char *search = gtk_entry_get_text (GTK_ENTRY (self->time_zone_search));
  g_autofree char *label = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (*search == '\0')
    return TRUE;
  gtk_tree_model_get (model, iter, TZ_COLUMN_LABEL, &label, TZ_COLUMN_OFFSET, &offset, -1);
  needle = g_utf8_casefold (search, -1);
  haystack = g_utf8_casefold (label, -1);
  return strstr (haystack, needle) != NULL || (offset != NULL && strstr (offset, search) != NULL);
}

static void
fill_time_zones (UeQuickSetupAssistant *self)
{
  g_auto(GStrv) zones = ue_quick_setup_list_time_zones ();

  self->time_zones = gtk_list_store_new (TZ_N_COLUMNS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  gtk_list_store_insert_with_values (self->time_zones, NULL, -1, TZ_COLUMN_LABEL, _("Not set"),
                                     TZ_COLUMN_OFFSET, "", TZ_COLUMN_ID, "", -1);
  for (guint i = 0; zones[i] != NULL && zones[i + 1] != NULL; i += 2)
    gtk_list_store_insert_with_values (self->time_zones, NULL, -1, TZ_COLUMN_LABEL, zones[i],
                                       TZ_COLUMN_OFFSET, zones[i + 1], TZ_COLUMN_ID, zones[i], -1);
  self->time_zone_filter = GTK_TREE_MODEL_FILTER (gtk_tree_model_filter_new (GTK_TREE_MODEL (self->time_zones),
                                                                               NULL));
  gtk_tree_model_filter_set_visible_func (self->time_zone_filter, time_zone_visible, self, NULL);
  gtk_tree_view_set_model (self->time_zone_view, GTK_TREE_MODEL (self->time_zone_filter));
}

/* selects the chosen zone's row when the search shows it, and names the choice below the list */
static void
show_time_zone (UeQuickSetupAssistant *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->time_zone_filter);
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->time_zone_view);
  const char *want = self->time_zone != NULL ? self->time_zone : "";
  g_autofree char *text = NULL;
  GtkTreeIter iter;
  gboolean found = FALSE;

  self->selecting = TRUE;
  gtk_tree_selection_unselect_all (selection);
  for (gboolean ok = gtk_tree_model_get_iter_first (model, &iter); ok && !found;
       ok = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *id = NULL;

      gtk_tree_model_get (model, &iter, TZ_COLUMN_ID, &id, -1);
      if (g_strcmp0 (id, want) == 0)
        {
          g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);

          gtk_tree_selection_select_iter (selection, &iter);
          gtk_tree_view_scroll_to_cell (self->time_zone_view, path, NULL, FALSE, 0, 0);
          found = TRUE;
        }
    }
  self->selecting = FALSE;
  text = g_strdup_printf (_("Chosen: %s"), self->time_zone != NULL ? self->time_zone : _("not set"));
  gtk_label_set_text (self->time_zone_choice, text);
}

static void
time_zone_search_cb (UeQuickSetupAssistant *self)
{
  gtk_tree_model_filter_refilter (self->time_zone_filter);
  show_time_zone (self);
}

static void
time_zone_selected_cb (UeQuickSetupAssistant *self,
                       GtkTreeSelection      *selection)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  g_autofree char *id = NULL;

  /* a search that hides the chosen row unselects it; the choice stays */
  if (self->selecting || !gtk_tree_selection_get_selected (selection, &model, &iter))
    return;
  gtk_tree_model_get (model, &iter, TZ_COLUMN_ID, &id, -1);
  g_free (self->time_zone);
  self->time_zone = *id != '\0' ? g_steal_pointer (&id) : NULL;
  show_time_zone (self);
}

static gboolean
selected_command (UeQuickSetupAssistant *self,
                  GtkTreeIter           *iter)
{
  return gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->commands_view), NULL, iter);
}

static void
update_sensitive_cb (UeQuickSetupAssistant *self)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->commands);
  GtkTreeIter iter, other;
  gboolean selected = selected_command (self, &iter);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_entry), toggle_get (self->name_fixed_radio));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *gtk_entry_get_text (self->command_entry) != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), selected);
  other = iter;
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), selected && gtk_tree_model_iter_previous (model, &other));
  other = iter;
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), selected && gtk_tree_model_iter_next (model, &other));
}

static void
select_command (UeQuickSetupAssistant *self,
                GtkTreeIter           *iter)
{
  g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->commands), iter);

  gtk_tree_view_set_cursor (self->commands_view, path, NULL, FALSE);
  update_sensitive_cb (self);
}

static void
add_command_cb (UeQuickSetupAssistant *self)
{
  const char *text = gtk_entry_get_text (self->command_entry);
  GtkTreeIter iter;

  if (*text == '\0')
    return;
  gtk_list_store_insert_with_values (self->commands, &iter, -1, 0, text, -1);
  gtk_entry_set_text (self->command_entry, "");
  select_command (self, &iter);
}

static void
remove_command_cb (UeQuickSetupAssistant *self)
{
  GtkTreeIter iter;

  if (!selected_command (self, &iter))
    return;
  if (gtk_list_store_remove (self->commands, &iter))
    select_command (self, &iter);
  update_sensitive_cb (self);
}

static void
move_command (UeQuickSetupAssistant *self,
              gboolean               up)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->commands);
  GtkTreeIter iter, other;

  if (!selected_command (self, &iter))
    return;
  other = iter;
  if (up ? !gtk_tree_model_iter_previous (model, &other) : !gtk_tree_model_iter_next (model, &other))
    return;
  gtk_list_store_swap (self->commands, &iter, &other);
  select_command (self, &iter);
}

static void
move_up_cb (UeQuickSetupAssistant *self)
{
  move_command (self, TRUE);
}

static void
move_down_cb (UeQuickSetupAssistant *self)
{
  move_command (self, FALSE);
}

static void
command_edited_cb (GtkCellRendererText   *renderer,
                   const char            *path,
                   const char            *text,
                   UeQuickSetupAssistant *self)
{
  GtkTreeIter iter;

  if (!gtk_tree_model_get_iter_from_string (GTK_TREE_MODEL (self->commands), &iter, path))
    return;
  /* emptying a command removes it: an empty SynchronousCommand would not validate */
  if (*text == '\0')
    gtk_list_store_remove (self->commands, &iter);
  else
    gtk_list_store_set (self->commands, &iter, 0, text, -1);
  update_sensitive_cb (self);
}

static void
load (UeQuickSetupAssistant *self)
{
  g_autoptr(UeQuickSetup) qs = ue_quick_setup_read (self->doc);
  GtkRadioButton *updates[] = { self->updates_unset_radio, self->updates_1_radio,
                                self->updates_2_radio, self->updates_3_radio };
  g_autofree char *depth = g_strdup_printf ("%u", qs->color_depth);

  if (qs->computer_name == NULL)
    toggle_set (self->name_unset_radio, TRUE);
  else if (g_strcmp0 (qs->computer_name, "*") == 0)
    toggle_set (self->name_auto_radio, TRUE);
  else
    {
      toggle_set (self->name_fixed_radio, TRUE);
      gtk_entry_set_text (self->name_entry, qs->computer_name);
    }
  gtk_entry_set_text (self->organization_entry, qs->organization != NULL ? qs->organization : "");
  gtk_entry_set_text (self->owner_entry, qs->owner != NULL ? qs->owner : "");

  g_free (self->time_zone);
  self->time_zone = g_strdup (qs->time_zone);
  if (self->time_zone != NULL)
    {
      GtkTreeIter iter;
      gboolean known = FALSE;

      for (gboolean ok = gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->time_zones), &iter);
           ok && !known; ok = gtk_tree_model_iter_next (GTK_TREE_MODEL (self->time_zones), &iter))
        {
          g_autofree char *id = NULL;

          gtk_tree_model_get (GTK_TREE_MODEL (self->time_zones), &iter, TZ_COLUMN_ID, &id, -1);
          known = g_strcmp0 (id, self->time_zone) == 0;
        }
      if (!known)
        gtk_list_store_insert_with_values (self->time_zones, NULL, 1, TZ_COLUMN_LABEL, self->time_zone,
                                           TZ_COLUMN_OFFSET, "", TZ_COLUMN_ID, self->time_zone, -1);
    }
  show_time_zone (self);

  combo_set (self->input_locale_combo, qs->input_locale);
  combo_set (self->system_locale_combo, qs->system_locale);
  combo_set (self->ui_language_combo, qs->ui_language);
  combo_set (self->user_locale_combo, qs->user_locale);

  gtk_entry_set_text (self->admin_password_entry, qs->admin_password != NULL ? qs->admin_password : "");
  gtk_entry_set_text (self->second_name_entry, qs->second_admin_name != NULL ? qs->second_admin_name : "");
  gtk_entry_set_text (self->second_password_entry,
                      qs->second_admin_password != NULL ? qs->second_admin_password : "");
  /* passwords are hidden unless the file already shows its own in plain text */
  toggle_set (self->hide_passwords_check, ue_answer_doc_get_hide_sensitive_data (self->doc)
                                          || (qs->admin_password == NULL && qs->second_admin_password == NULL));

  gtk_list_store_clear (self->commands);
  for (guint i = 0; i < qs->first_logon_commands->len; i++)
    gtk_list_store_insert_with_values (self->commands, NULL, -1,
                                       0, g_ptr_array_index (qs->first_logon_commands, i), -1);

  toggle_set (self->no_ict_check, qs->no_initial_configuration_tasks);
  toggle_set (self->no_server_manager_check, qs->no_server_manager);
  toggle_set (self->ie_esc_admins_check, qs->ie_esc_off_admins);
  toggle_set (self->ie_esc_users_check, qs->ie_esc_off_users);
  toggle_set (updates[qs->protect_your_pc < G_N_ELEMENTS (updates) ? qs->protect_your_pc : 0], TRUE);
  combo_set (self->network_combo, qs->network_location);
  toggle_set (self->skip_eula_check, qs->skip_eula);

  combo_set (self->color_depth_combo, depth);
  gtk_spin_button_set_value (self->width_spin, qs->horizontal_resolution);
  gtk_spin_button_set_value (self->height_spin, qs->vertical_resolution);
  gtk_spin_button_set_value (self->refresh_spin, qs->refresh_rate);
  update_sensitive_cb (self);
}

static UeQuickSetup *
collect (UeQuickSetupAssistant *self)
{
  UeQuickSetup *qs = ue_quick_setup_new ();
  GtkTreeModel *commands = GTK_TREE_MODEL (self->commands);
  GtkTreeIter iter;
  g_autofree char *depth = combo_dup (self->color_depth_combo);

  if (toggle_get (self->name_auto_radio))
    qs->computer_name = g_strdup ("*");
  else if (toggle_get (self->name_fixed_radio))
    qs->computer_name = entry_dup (self->name_entry);
  qs->organization = entry_dup (self->organization_entry);
  qs->owner = entry_dup (self->owner_entry);
  qs->time_zone = g_strdup (self->time_zone);
  qs->input_locale = combo_dup (self->input_locale_combo);
  qs->system_locale = combo_dup (self->system_locale_combo);
  qs->ui_language = combo_dup (self->ui_language_combo);
  qs->user_locale = combo_dup (self->user_locale_combo);
  qs->admin_password = entry_dup (self->admin_password_entry);
  qs->second_admin_name = entry_dup (self->second_name_entry);
  if (qs->second_admin_name != NULL)
    qs->second_admin_password = entry_dup (self->second_password_entry);
  for (gboolean ok = gtk_tree_model_get_iter_first (commands, &iter); ok;
       ok = gtk_tree_model_iter_next (commands, &iter))
    {
      char *command = NULL;

      gtk_tree_model_get (commands, &iter, 0, &command, -1);
      g_ptr_array_add (qs->first_logon_commands, command);
    }
  qs->no_initial_configuration_tasks = toggle_get (self->no_ict_check);
  qs->no_server_manager = toggle_get (self->no_server_manager_check);
  qs->ie_esc_off_admins = toggle_get (self->ie_esc_admins_check);
  qs->ie_esc_off_users = toggle_get (self->ie_esc_users_check);
  qs->protect_your_pc = toggle_get (self->updates_1_radio) ? 1 : toggle_get (self->updates_2_radio) ? 2
                        : toggle_get (self->updates_3_radio) ? 3 : 0;
  qs->network_location = combo_dup (self->network_combo);
  qs->skip_eula = toggle_get (self->skip_eula_check);
  qs->color_depth = depth != NULL ? (guint) strtoul (depth, NULL, 10) : 0;
  qs->horizontal_resolution = gtk_spin_button_get_value_as_int (self->width_spin);
  qs->vertical_resolution = gtk_spin_button_get_value_as_int (self->height_spin);
  qs->refresh_rate = gtk_spin_button_get_value_as_int (self->refresh_spin);
  return qs;
}

static void
prepare_cb (UeQuickSetupAssistant *self,
            GtkWidget             *page)
{
  g_autoptr(UeQuickSetup) qs = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextBuffer *buffer;

  if (page != self->summary_page)
    return;
  qs = collect (self);
  lines = ue_quick_setup_summary (qs, self->doc);
  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_set_text (buffer, lines[0] != NULL ? "" : _("Nothing changes."), -1);
  /* the settings under their pass, wrapped lines aligned with their start */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " ");
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, line == lines[i] ? "pass" : "setting",
                                                NULL);
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (lines[i + 1] != NULL)
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
    }
}

static void
apply_cb (UeQuickSetupAssistant *self)
{
  g_autoptr(UeQuickSetup) qs = collect (self);

  ue_quick_setup_apply (qs, self->doc);
  ue_answer_doc_set_hide_sensitive_data (self->doc, toggle_get (self->hide_passwords_check));
}

/* every control is named after the label that stands for it, as a screen reader user sees it */
static void
name_from_labels (GtkWidget *widget,
                  gpointer   user_data)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));

      if (target != NULL)
        _ue_widget_set_accessible_name (target, gtk_label_get_text (GTK_LABEL (widget)));
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), name_from_labels, user_data);
}

static void
ue_quick_setup_assistant_finalize (GObject *object)
{
  UeQuickSetupAssistant *self = UE_QUICK_SETUP_ASSISTANT (object);

  g_clear_object (&self->doc);
  g_clear_object (&self->time_zone_filter);
  g_clear_object (&self->time_zones);
  g_clear_object (&self->commands);
  g_free (self->time_zone);
  G_OBJECT_CLASS (ue_quick_setup_assistant_parent_class)->finalize (object);
}

static void
ue_quick_setup_assistant_class_init (UeQuickSetupAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ue_quick_setup_assistant_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/quick-setup-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, UeQuickSetupAssistant, name)
  BIND (name_unset_radio);
  BIND (name_auto_radio);
  BIND (name_fixed_radio);
  BIND (name_entry);
  BIND (organization_entry);
  BIND (owner_entry);
  BIND (time_zone_search);
  BIND (time_zone_view);
  BIND (time_zone_choice);
  BIND (input_locale_combo);
  BIND (system_locale_combo);
  BIND (ui_language_combo);
  BIND (user_locale_combo);
  BIND (admin_password_entry);
  BIND (second_name_entry);
  BIND (second_password_entry);
  BIND (hide_passwords_check);
  BIND (commands_view);
  BIND (command_entry);
  BIND (add_button);
  BIND (remove_button);
  BIND (up_button);
  BIND (down_button);
  BIND (no_ict_check);
  BIND (no_server_manager_check);
  BIND (ie_esc_admins_check);
  BIND (ie_esc_users_check);
  BIND (updates_unset_radio);
  BIND (updates_1_radio);
  BIND (updates_2_radio);
  BIND (updates_3_radio);
  BIND (network_combo);
  BIND (skip_eula_check);
  BIND (color_depth_combo);
  BIND (width_spin);
  BIND (height_spin);
  BIND (refresh_spin);
  BIND (summary_page);
  BIND (summary_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, update_sensitive_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_zone_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_zone_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_command_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_command_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_cb);
  gtk_widget_class_bind_template_callback (widget_class, command_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_widget_destroy);
}

static void
ue_quick_setup_assistant_init (UeQuickSetupAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_locales (self);
  fill_time_zones (self);
  self->commands = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_tree_view_set_model (self->commands_view, GTK_TREE_MODEL (self->commands));
  gtk_container_forall (GTK_CONTAINER (self), name_from_labels, NULL);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->summary_view), "pass",
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->summary_view), "setting",
                              "left-margin", 36, NULL);
}

UeQuickSetupAssistant *
ue_quick_setup_assistant_new (GtkWindow   *parent,
                              UeAnswerDoc *doc)
{
  UeQuickSetupAssistant *self;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);

  self = g_object_new (UE_TYPE_QUICK_SETUP_ASSISTANT, "transient-for", parent, NULL);
  self->doc = g_object_ref (doc);
  load (self);
  return self;
}
