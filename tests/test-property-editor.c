/* test-property-editor.c — the Properties pane's typed editors: one case per value type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case builds the definition the factory is keyed on, checks the editor it makes
 * (type, accessible name, range or values), then edits through it and checks that the
 * document took the value as one undo step.
 */
#define G_LOG_DOMAIN "test-property-editor"

#include <gtk/gtk.h>

#include "boolean-editor.h"
#include "core/answer-doc.h"
#include "core/secret.h"
#include "enum-editor.h"
#include "integer-editor.h"
#include "password-editor.h"
#include "property-editor.h"
#include "string-editor.h"

static const char document[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
  "  <settings pass=\"oobeSystem\">\n"
  "    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\""
  " publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
  "      <Flag>true</Flag>\n"
  "      <Count>5</Count>\n"
  "      <Choice>Two</Choice>\n"
  "      <Text>hello</Text>\n"
  "      <UserAccounts>\n"
  "        <AdministratorPassword>\n"
  "          <Value>UABhAHMAcwB3AG8AcgBkADEAMgAzADQAQQBkAG0AaQBuAGkAcwB0AHIAYQB0AG8AcgBQAGEAcwBzAHcAbwByAGQA</Value>\n"
  "          <PlainText>false</PlainText>\n"
  "        </AdministratorPassword>\n"
  "      </UserAccounts>\n"
  "    </component>\n"
  "  </settings>\n"
  "</unattend>\n";

typedef struct
{
  UeAnswerDoc *doc;
  UeNode      *component;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->doc = ue_answer_doc_new_from_data (document, sizeof document - 1, "test.xml", &error);
  g_assert_no_error (error);
  fixture->component = ue_answer_doc_lookup (fixture->doc, "oobeSystem/Microsoft-Windows-Shell-Setup", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->component);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->doc);
}

static UeSettingDef *
simple_def (const char  *name,
            UeValueType  type)
{
  UeSettingDef *def = ue_setting_def_new (name, UE_SETTING_KIND_SIMPLE);

  def->value_type = type;
  return def;
}

/* the editor's one control */
static GtkWidget *
inner_widget (UePropertyEditor *editor)
{
  g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (editor));

  g_assert_cmpuint (g_list_length (children), ==, 1);
  return children->data;
}

static void
assert_accessible_name (GtkWidget  *widget,
                        const char *name)
{
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (widget)), ==, name);
}

static char *
text_of (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  UeNode *node = ue_answer_doc_lookup (fixture->doc, path, NULL, &error);

  g_assert_no_error (error);
  return node != NULL ? ue_node_dup_text (node) : NULL;
}

static UePropertyEditor *
editor_for (Fixture      *fixture,
            UeSettingDef *def,
            UeNode       *parent)
{
  UePropertyEditor *editor = g_object_ref_sink (ue_property_editor_new (fixture->doc, def, NULL));

  ue_property_editor_load (editor, parent, ue_answer_doc_find_child (fixture->doc, parent, def->name));
  return editor;
}

static void
test_boolean (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(UeSettingDef) def = simple_def ("Flag", UE_VALUE_TYPE_BOOLEAN);
  g_autoptr(UePropertyEditor) editor = editor_for (fixture, def, fixture->component);
  GtkWidget *check = inner_widget (editor);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (UE_IS_BOOLEAN_EDITOR (editor));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  assert_accessible_name (check, "Flag");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (check)));

  gtk_button_clicked (GTK_BUTTON (check));
  after = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Flag");
  g_assert_cmpstr (after, ==, "false");
  g_assert_true (ue_answer_doc_undo (fixture->doc));
  ue_property_editor_reload (editor);
  undone = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Flag");
  g_assert_cmpstr (undone, ==, "true");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (check)));
  g_assert_false (ue_answer_doc_can_undo (fixture->doc));
}

static void
test_boolean_not_set (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UeSettingDef) def = simple_def ("Missing", UE_VALUE_TYPE_BOOLEAN);
  g_autoptr(UePropertyEditor) editor = NULL;
  GtkWidget *check;
  g_autofree char *after = NULL;

  def->default_value = g_strdup ("true");
  editor = editor_for (fixture, def, fixture->component);
  check = inner_widget (editor);
  /* not in the file: the default, drawn inconsistent */
  g_assert_true (gtk_toggle_button_get_inconsistent (GTK_TOGGLE_BUTTON (check)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (check)));

  gtk_button_clicked (GTK_BUTTON (check));
  after = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Missing");
  g_assert_cmpstr (after, ==, "false");
  /* creating the element and writing its text is one step */
  g_assert_true (ue_answer_doc_undo (fixture->doc));
  g_assert_null (ue_answer_doc_find_child (fixture->doc, fixture->component, "Missing"));
  g_assert_false (ue_answer_doc_can_undo (fixture->doc));
}

static void
test_integer (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(UeSettingDef) def = simple_def ("Count", UE_VALUE_TYPE_INTEGER);
  g_autoptr(UePropertyEditor) editor = NULL;
  GtkWidget *spin;
  GtkAdjustment *adjustment;
  g_autofree char *after = NULL;

  def->has_min = TRUE;
  def->min = 1;
  def->has_max = TRUE;
  def->max = 500;
  editor = editor_for (fixture, def, fixture->component);
  spin = inner_widget (editor);
  g_assert_true (UE_IS_INTEGER_EDITOR (editor));
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  assert_accessible_name (spin, "Count");
  adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 500);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 5);

  /* the range holds: 900 is clamped to the maximum */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 900);
  after = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Count");
  g_assert_cmpstr (after, ==, "500");
}

static void
test_enum (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(UeSettingDef) def = simple_def ("Choice", UE_VALUE_TYPE_ENUM);
  g_autoptr(UePropertyEditor) editor = NULL;
  GtkWidget *combo;
  g_autofree char *after = NULL;

  def->enum_values = g_strsplit ("One|Two|Three", "|", -1);
  editor = editor_for (fixture, def, fixture->component);
  combo = inner_widget (editor);
  g_assert_true (UE_IS_ENUM_EDITOR (editor));
  g_assert_true (GTK_IS_COMBO_BOX (combo));
  assert_accessible_name (combo, "Choice");
  g_assert_cmpstr (gtk_combo_box_get_active_id (GTK_COMBO_BOX (combo)), ==, "Two");

  gtk_combo_box_set_active_id (GTK_COMBO_BOX (combo), "Three");
  after = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Choice");
  g_assert_cmpstr (after, ==, "Three");
}

static void
test_string (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UeSettingDef) def = simple_def ("Text", UE_VALUE_TYPE_STRING);
  g_autoptr(UePropertyEditor) editor = editor_for (fixture, def, fixture->component);
  GtkWidget *entry = inner_widget (editor);
  g_autofree char *after = NULL;

  g_assert_true (UE_IS_STRING_EDITOR (editor));
  g_assert_true (GTK_IS_ENTRY (entry));
  assert_accessible_name (entry, "Text");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "hello");

  /* typing writes at once, and a word is one undo step */
  gtk_entry_set_text (GTK_ENTRY (entry), "w");
  gtk_entry_set_text (GTK_ENTRY (entry), "wo");
  gtk_entry_set_text (GTK_ENTRY (entry), "world");
  after = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/Text");
  g_assert_cmpstr (after, ==, "world");
  g_assert_true (ue_answer_doc_undo (fixture->doc));
  g_assert_false (ue_answer_doc_can_undo (fixture->doc));
  ue_property_editor_reload (editor);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "hello");
}

static void
test_password (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(UeSettingDef) container = ue_setting_def_new ("AdministratorPassword", UE_SETTING_KIND_COMPLEX);
  UeSettingDef *value = simple_def ("Value", UE_VALUE_TYPE_STRING);
  g_autoptr(UePropertyEditor) editor = NULL;
  UeNode *parent;
  GtkWidget *entry;
  g_autofree char *stored = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr(GError) error = NULL;

  ue_setting_def_add_child (container, value);
  ue_setting_def_add_child (container, simple_def ("PlainText", UE_VALUE_TYPE_BOOLEAN));
  parent = ue_answer_doc_lookup (fixture->doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword",
                                 NULL, &error);
  g_assert_no_error (error);
  editor = editor_for (fixture, value, parent);
  entry = inner_widget (editor);
  g_assert_true (UE_IS_PASSWORD_EDITOR (editor));
  assert_accessible_name (entry, "Value");
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  /* the hidden value shows as the password itself */
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "Password1234");

  ue_answer_doc_set_hide_sensitive_data (fixture->doc, TRUE);
  gtk_entry_set_text (GTK_ENTRY (entry), "Secret99");
  stored = text_of (fixture, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value");
  decoded = ue_secret_decode ("AdministratorPassword", stored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded, ==, "Secret99");

  /* reveal */
  g_signal_emit_by_name (entry, "icon-press", GTK_ENTRY_ICON_SECONDARY, NULL);
  g_assert_true (gtk_entry_get_visibility (GTK_ENTRY (entry)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/property-editor/boolean", Fixture, NULL, fixture_set_up, test_boolean, fixture_tear_down);
  g_test_add ("/gui/property-editor/boolean-not-set", Fixture, NULL, fixture_set_up, test_boolean_not_set,
              fixture_tear_down);
  g_test_add ("/gui/property-editor/integer", Fixture, NULL, fixture_set_up, test_integer, fixture_tear_down);
  g_test_add ("/gui/property-editor/enum", Fixture, NULL, fixture_set_up, test_enum, fixture_tear_down);
  g_test_add ("/gui/property-editor/string", Fixture, NULL, fixture_set_up, test_string, fixture_tear_down);
  g_test_add ("/gui/property-editor/password", Fixture, NULL, fixture_set_up, test_password, fixture_tear_down);
  return g_test_run ();
}
