/* quick-setup.c — the Quick Setup assistant's model: the seed's popular options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applying and summarising walk the same code: in a dry run each step records the line it
 * would write instead of editing, so the summary page cannot disagree with what Apply does.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "passes.h"
#include "password-node.h"
#include "quick-setup.h"
#include "setting-path.h"

#define SHELL_SETUP   "Microsoft-Windows-Shell-Setup"
#define INTERNATIONAL "Microsoft-Windows-International-Core"
#define OOBE_TASKS    "Microsoft-Windows-OutOfBoxExperience"
#define SERVER_MGR    "Microsoft-Windows-ServerManager-SvrMgrNc"
#define IE_ESC        "Microsoft-Windows-IE-ESC"

#define ADMIN_PASSWORD "UserAccounts/AdministratorPassword"
#define LOCAL_ACCOUNTS "UserAccounts/LocalAccounts"
#define FIRST_LOGON    "FirstLogonCommands"
#define HIDDEN         "********"

/* where each option may live; the first pass is the one it goes into when it is new */
static const char * const specialize_first[] = { "specialize", "oobeSystem", NULL };
static const char * const oobe_first[] = { "oobeSystem", "specialize", NULL };
static const char * const specialize_only[] = { "specialize", NULL };
static const char * const oobe_only[] = { "oobeSystem", NULL };
static const char * const accounts[] = { "oobeSystem", "auditSystem", NULL };

typedef struct
{
  UeAnswerDoc *doc;
  const char  *arch;
  gboolean     dry;
  GPtrArray   *lines[UE_N_PASSES + 1];   /* per pass number: summary lines of a dry run */
} Ctx;

UeQuickSetup *
ue_quick_setup_new (void)
{
  UeQuickSetup *self = g_new0 (UeQuickSetup, 1);

  self->first_logon_commands = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
ue_quick_setup_free (UeQuickSetup *self)
{
  if (self == NULL)
    return;
  g_free (self->computer_name);
  g_free (self->organization);
  g_free (self->owner);
  g_free (self->time_zone);
  g_free (self->input_locale);
  g_free (self->system_locale);
  g_free (self->ui_language);
  g_free (self->user_locale);
  g_free (self->admin_password);
  g_free (self->second_admin_name);
  g_free (self->second_admin_password);
  g_ptr_array_unref (self->first_logon_commands);
  g_free (self->network_location);
  g_free (self->arch);
  g_free (self);
}

static char *
make_path (const char *pass,
           const char *component,
           const char *setting)
{
  return g_strconcat (pass, "/", component, "/", setting, NULL);
}

/* "UserAccounts/LocalAccounts/LocalAccount[Name=x]" with the key escaped */
static char *
item_setting (const char *container,
              const char *item,
              const char *key,
              const char *key_value,
              const char *child)
{
  GString *out = g_string_new (container);

  g_string_append_c (out, '/');
  ue_setting_path_append_segment (out, item, key, key_value);
  if (child != NULL)
    g_string_append_printf (out, "/%s", child);
  return g_string_free (out, FALSE);
}

static UeNode *
find (UeAnswerDoc        *doc,
      const char         *arch,
      const char * const *passes,
      const char         *component,
      const char         *setting,
      const char        **pass_found)
{
  for (guint i = 0; passes[i] != NULL; i++)
    {
      g_autofree char *path = make_path (passes[i], component, setting);
      UeNode *node = ue_answer_doc_lookup (doc, path, arch, NULL);

      if (node != NULL)
        {
          if (pass_found != NULL)
            *pass_found = passes[i];
          return node;
        }
    }
  return NULL;
}

static char *
get_value (UeAnswerDoc        *doc,
           const char * const *passes,
           const char         *component,
           const char         *setting)
{
  UeNode *node = find (doc, NULL, passes, component, setting, NULL);
  char *text = node ? ue_node_dup_text (node) : NULL;

  return text ? g_strstrip (text) : NULL;
}

static gboolean
is_value (const char *text,
          const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  return g_ascii_strcasecmp (copy, value) == 0;
}

/* ---- the steps, each dry or for real ---- */

static void
note (Ctx        *ctx,
      const char *pass,
      const char *component,
      const char *setting,
      const char *value)
{
  guint n = ue_pass_number_from_name (pass);

  if (ctx->lines[n] == NULL)
    ctx->lines[n] = g_ptr_array_new_with_free_func (g_free);
  if (value != NULL)
    g_ptr_array_add (ctx->lines[n], g_strdup_printf ("    %s/%s = %s", component, setting, value));
  else
    g_ptr_array_add (ctx->lines[n], g_strdup_printf (_("    %s/%s: removed"), component, setting));
}

static void
put (Ctx                *ctx,
     const char * const *passes,
     const char         *component,
     const char         *setting,
     const char         *value)
{
  const char *pass = passes[0];
  UeNode *node = find (ctx->doc, ctx->arch, passes, component, setting, &pass);
  g_autofree char *path = NULL;

  if (ctx->dry)
    note (ctx, pass, component, setting, value);
  else if (node != NULL && ue_node_get_first_child (node) == NULL)
    ue_answer_doc_set_text (ctx->doc, node, value);
  else if (node == NULL)
    {
      path = make_path (pass, component, setting);
      ue_answer_doc_set_path_value (ctx->doc, path, ctx->arch, value, NULL);
    }
}

/* remove the setting from every pass it may be in; only_if: only when it holds that value */
static void
drop (Ctx                *ctx,
      const char * const *passes,
      const char         *component,
      const char         *setting,
      const char         *only_if)
{
  for (guint i = 0; passes[i] != NULL; i++)
    {
      const char *one[] = { passes[i], NULL };
      UeNode *node = find (ctx->doc, ctx->arch, one, component, setting, NULL);
      g_autofree char *text = node ? ue_node_dup_text (node) : NULL;

      if (node == NULL || (only_if != NULL && !is_value (text, only_if)))
        continue;
      if (ctx->dry)
        note (ctx, passes[i], component, setting, NULL);
      else
        ue_answer_doc_remove (ctx->doc, node);
    }
}

static void
text_option (Ctx                *ctx,
             const char * const *passes,
             const char         *component,
             const char         *setting,
             const char         *value)
{
  if (value != NULL)
    put (ctx, passes, component, setting, value);
  else
    drop (ctx, passes, component, setting, NULL);
}

static void
flag_option (Ctx                *ctx,
             const char * const *passes,
             const char         *component,
             const char         *setting,
             gboolean            on,
             const char         *on_value)
{
  if (on)
    put (ctx, passes, component, setting, on_value);
  else
    drop (ctx, passes, component, setting, on_value);
}

static void
number_option (Ctx                *ctx,
               const char * const *passes,
               const char         *component,
               const char         *setting,
               guint               value)
{
  g_autofree char *text = value ? g_strdup_printf ("%u", value) : NULL;
  text_option (ctx, passes, component, setting, text);
}

/* write a password into a container, creating it; unchanged passwords are not rewritten
 * (a hidden one would otherwise turn into plain text until the next save) */
static void
set_password (Ctx        *ctx,
              const char *pass,
              UeNode     *container,
              const char *setting,
              const char *password)
{
  g_autofree char *current = container ? ue_password_node_dup (ctx->doc, container) : NULL;
  g_autofree char *path = NULL;

  if (ctx->dry)
    {
      note (ctx, pass, SHELL_SETUP, setting, HIDDEN);
      return;
    }
  if (g_strcmp0 (current, password) == 0)
    return;
  if (container == NULL)
    {
      g_autofree char *value_setting = g_strconcat (setting, "/Value", NULL);
      path = make_path (pass, SHELL_SETUP, value_setting);
      ue_answer_doc_set_path_value (ctx->doc, path, ctx->arch, password, NULL);
      container = ue_node_get_parent (ue_answer_doc_lookup (ctx->doc, path, ctx->arch, NULL));
    }
  ue_password_node_set (ctx->doc, container, password);
}

/* a password that reads back (as ue_quick_setup_read() shows it): one that cannot be
 * decoded is not the model's to remove */
static gboolean
known_password (UeAnswerDoc *doc,
                UeNode      *container)
{
  g_autofree char *password = container ? ue_password_node_dup (doc, container) : NULL;
  return password != NULL;
}

static void
remove_node (Ctx        *ctx,
             const char *pass,
             UeNode     *node,
             const char *setting)
{
  if (ctx->dry)
    note (ctx, pass, SHELL_SETUP, setting, NULL);
  else
    ue_answer_doc_remove (ctx->doc, node);
}

static void
admin_password (Ctx        *ctx,
                const char *password)
{
  const char *pass = accounts[0];
  UeNode *container = find (ctx->doc, ctx->arch, accounts, SHELL_SETUP, ADMIN_PASSWORD, &pass);

  if (password != NULL)
    set_password (ctx, pass, container, ADMIN_PASSWORD, password);
  else if (known_password (ctx->doc, container))
    remove_node (ctx, pass, container, ADMIN_PASSWORD);
}

/* the first local account in the Administrators group */
static UeNode *
find_admin_account (UeAnswerDoc  *doc,
                    const char   *arch,
                    const char  **pass)
{
  UeNode *list = find (doc, arch, accounts, SHELL_SETUP, LOCAL_ACCOUNTS, pass);

  for (UeNode *n = list ? ue_node_get_first_child (list) : NULL; n != NULL; n = ue_node_get_next (n))
    {
      UeNode *group = ue_answer_doc_find_child (doc, n, "Group");
      g_autofree char *text = group ? ue_node_dup_text (group) : NULL;
      g_autofree char *lower = text ? g_ascii_strdown (text, -1) : NULL;

      /* Group may list several groups, separated by ';' */
      if (strcmp (ue_node_get_name (n), "LocalAccount") == 0 && lower != NULL && strstr (lower, "administrators"))
        return n;
    }
  return NULL;
}

static char *
account_name (UeAnswerDoc *doc,
              UeNode      *account)
{
  UeNode *name = ue_answer_doc_find_child (doc, account, "Name");
  char *text = name ? ue_node_dup_text (name) : NULL;

  return text ? g_strstrip (text) : NULL;
}

static void
second_admin (Ctx        *ctx,
              const char *name,
              const char *password)
{
  const char *pass = accounts[0];
  UeNode *account = find_admin_account (ctx->doc, ctx->arch, &pass);
  g_autofree char *old_name = account ? account_name (ctx->doc, account) : NULL;
  g_autofree char *group_setting = NULL;
  g_autofree char *password_setting = NULL;

  if (name == NULL || *name == '\0')
    {
      if (account != NULL)
        {
          g_autofree char *setting = item_setting (LOCAL_ACCOUNTS, "LocalAccount", "Name", old_name, NULL);
          remove_node (ctx, pass, account, setting);
        }
      return;
    }
  group_setting = item_setting (LOCAL_ACCOUNTS, "LocalAccount", "Name", name, "Group");
  password_setting = item_setting (LOCAL_ACCOUNTS, "LocalAccount", "Name", name, "Password");
  if (ctx->dry)
    {
      note (ctx, pass, SHELL_SETUP, group_setting, "Administrators");
      if (password != NULL)
        note (ctx, pass, SHELL_SETUP, password_setting, HIDDEN);
      return;
    }
  if (account == NULL)
    {
      g_autofree char *path = make_path (pass, SHELL_SETUP, group_setting);
      ue_answer_doc_set_path_value (ctx->doc, path, ctx->arch, "Administrators", NULL);
      account = ue_node_get_parent (ue_answer_doc_lookup (ctx->doc, path, ctx->arch, NULL));
    }
  else if (g_strcmp0 (old_name, name) != 0)
    /* renamed in the assistant: the same account, so its other settings stay */
    ue_answer_doc_set_text (ctx->doc, ue_answer_doc_ensure_child (ctx->doc, account, "Name"), name);
  if (password != NULL)
    set_password (ctx, pass, ue_answer_doc_find_child (ctx->doc, account, "Password"),
                  password_setting, password);
  else if (known_password (ctx->doc, ue_answer_doc_find_child (ctx->doc, account, "Password")))
    ue_answer_doc_remove (ctx->doc, ue_answer_doc_find_child (ctx->doc, account, "Password"));
}

static gint
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      doc)
{
  guint x = ue_node_get_order (*(UeNode **) a);
  guint y = ue_node_get_order (*(UeNode **) b);
  return x < y ? -1 : x > y;
}

/* the SynchronousCommand items with an Order, sorted by it */
static GPtrArray *
list_commands (UeAnswerDoc *doc,
               UeNode      *parent)
{
  GPtrArray *items = g_ptr_array_new ();

  for (UeNode *n = parent ? ue_node_get_first_child (parent) : NULL; n != NULL; n = ue_node_get_next (n))
    if (strcmp (ue_node_get_name (n), "SynchronousCommand") == 0 && ue_node_get_order (n) > 0)
      g_ptr_array_add (items, n);
  g_ptr_array_sort_with_data (items, compare_order, doc);
  return items;
}

static void
first_logon_commands (Ctx             *ctx,
                      const GPtrArray *commands)
{
  const char *pass = oobe_only[0];
  UeNode *parent = find (ctx->doc, ctx->arch, oobe_only, SHELL_SETUP, FIRST_LOGON, &pass);
  g_autoptr(GPtrArray) items = list_commands (ctx->doc, parent);

  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *order = g_strdup_printf ("%u", i + 1);
      g_autofree char *setting = item_setting (FIRST_LOGON, "SynchronousCommand", "Order", order, "CommandLine");
      put (ctx, oobe_only, SHELL_SETUP, setting, commands->pdata[i]);
    }
  /* the highest first: removing an item renumbers the ones after it */
  for (guint i = items->len; i > 0; i--)
    {
      UeNode *item = items->pdata[i - 1];
      guint order = ue_node_get_order (item);
      g_autofree char *order_text = g_strdup_printf ("%u", order);
      g_autofree char *setting = item_setting (FIRST_LOGON, "SynchronousCommand", "Order", order_text, NULL);

      if (order > commands->len)
        remove_node (ctx, pass, item, setting);
    }
  if (commands->len == 0 && parent != NULL && !ctx->dry)
    ue_answer_doc_remove (ctx->doc, parent);
}

static void
run (const UeQuickSetup *self,
     Ctx                *ctx)
{
  text_option (ctx, specialize_only, SHELL_SETUP, "ComputerName", self->computer_name);
  text_option (ctx, specialize_first, SHELL_SETUP, "RegisteredOrganization", self->organization);
  text_option (ctx, specialize_first, SHELL_SETUP, "RegisteredOwner", self->owner);
  text_option (ctx, specialize_first, SHELL_SETUP, "TimeZone", self->time_zone);
  flag_option (ctx, specialize_only, OOBE_TASKS, "DoNotOpenInitialConfigurationTasksAtLogon",
               self->no_initial_configuration_tasks, "true");
  flag_option (ctx, specialize_only, SERVER_MGR, "DoNotOpenServerManagerAtLogon", self->no_server_manager, "true");
  /* IE-ESC is on by default; "off" is written as false */
  flag_option (ctx, specialize_only, IE_ESC, "IEHardenAdmin", self->ie_esc_off_admins, "false");
  flag_option (ctx, specialize_only, IE_ESC, "IEHardenUser", self->ie_esc_off_users, "false");

  text_option (ctx, oobe_first, INTERNATIONAL, "InputLocale", self->input_locale);
  text_option (ctx, oobe_first, INTERNATIONAL, "SystemLocale", self->system_locale);
  text_option (ctx, oobe_first, INTERNATIONAL, "UILanguage", self->ui_language);
  text_option (ctx, oobe_first, INTERNATIONAL, "UserLocale", self->user_locale);
  admin_password (ctx, self->admin_password);
  second_admin (ctx, self->second_admin_name, self->second_admin_password);
  first_logon_commands (ctx, self->first_logon_commands);
  flag_option (ctx, oobe_only, SHELL_SETUP, "OOBE/HideEULAPage", self->skip_eula, "true");
  number_option (ctx, oobe_only, SHELL_SETUP, "OOBE/ProtectYourPC", self->protect_your_pc);
  text_option (ctx, oobe_only, SHELL_SETUP, "OOBE/NetworkLocation", self->network_location);
  number_option (ctx, oobe_first, SHELL_SETUP, "Display/ColorDepth", self->color_depth);
  number_option (ctx, oobe_first, SHELL_SETUP, "Display/HorizontalResolution", self->horizontal_resolution);
  number_option (ctx, oobe_first, SHELL_SETUP, "Display/VerticalResolution", self->vertical_resolution);
  number_option (ctx, oobe_first, SHELL_SETUP, "Display/RefreshRate", self->refresh_rate);
}

void
ue_quick_setup_apply (const UeQuickSetup *self,
                      UeAnswerDoc        *doc)
{
  Ctx ctx = { doc, NULL, FALSE };

  g_return_if_fail (self != NULL);
  g_return_if_fail (UE_IS_ANSWER_DOC (doc));

  ctx.arch = self->arch;
  ue_answer_doc_begin_group (doc, _("Quick Setup"));
  run (self, &ctx);
  ue_answer_doc_end_group (doc);
}

GStrv
ue_quick_setup_summary (const UeQuickSetup *self,
                        UeAnswerDoc        *doc)
{
  Ctx ctx = { doc, NULL, TRUE };
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);

  ctx.arch = self->arch;
  run (self, &ctx);
  for (guint n = 1; n <= UE_N_PASSES; n++)
    {
      if (ctx.lines[n] == NULL)
        continue;
      g_strv_builder_add (out, ue_pass_name (n));
      for (guint i = 0; i < ctx.lines[n]->len; i++)
        g_strv_builder_add (out, ctx.lines[n]->pdata[i]);
      g_ptr_array_unref (ctx.lines[n]);
    }
  return g_strv_builder_end (out);
}

/* ---- reading ---- */

static guint
get_number (UeAnswerDoc        *doc,
            const char * const *passes,
            const char         *component,
            const char         *setting)
{
  g_autofree char *text = get_value (doc, passes, component, setting);
  guint64 n = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
    return 0;
  return n;
}

static gboolean
get_flag (UeAnswerDoc        *doc,
          const char * const *passes,
          const char         *component,
          const char         *setting,
          const char         *on_value)
{
  g_autofree char *text = get_value (doc, passes, component, setting);
  return text != NULL && is_value (text, on_value);
}

UeQuickSetup *
ue_quick_setup_read (UeAnswerDoc *doc)
{
  UeQuickSetup *self;
  UeNode *node;
  g_autoptr(GPtrArray) commands = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);

  self = ue_quick_setup_new ();
  self->computer_name = get_value (doc, specialize_only, SHELL_SETUP, "ComputerName");
  self->organization = get_value (doc, specialize_first, SHELL_SETUP, "RegisteredOrganization");
  self->owner = get_value (doc, specialize_first, SHELL_SETUP, "RegisteredOwner");
  self->time_zone = get_value (doc, specialize_first, SHELL_SETUP, "TimeZone");
  self->input_locale = get_value (doc, oobe_first, INTERNATIONAL, "InputLocale");
  self->system_locale = get_value (doc, oobe_first, INTERNATIONAL, "SystemLocale");
  self->ui_language = get_value (doc, oobe_first, INTERNATIONAL, "UILanguage");
  self->user_locale = get_value (doc, oobe_first, INTERNATIONAL, "UserLocale");

  node = find (doc, NULL, accounts, SHELL_SETUP, ADMIN_PASSWORD, NULL);
  self->admin_password = node ? ue_password_node_dup (doc, node) : NULL;
  node = find_admin_account (doc, NULL, NULL);
  if (node != NULL)
    {
      UeNode *password = ue_answer_doc_find_child (doc, node, "Password");
      self->second_admin_name = account_name (doc, node);
      self->second_admin_password = password ? ue_password_node_dup (doc, password) : NULL;
    }
  commands = list_commands (doc, find (doc, NULL, oobe_only, SHELL_SETUP, FIRST_LOGON, NULL));
  for (guint i = 0; i < commands->len; i++)
    {
      UeNode *line = ue_answer_doc_find_child (doc, commands->pdata[i], "CommandLine");
      char *command = line ? ue_node_dup_text (line) : NULL;
      g_ptr_array_add (self->first_logon_commands, command ? command : g_strdup (""));
    }

  self->no_initial_configuration_tasks =
    get_flag (doc, specialize_only, OOBE_TASKS, "DoNotOpenInitialConfigurationTasksAtLogon", "true");
  self->no_server_manager = get_flag (doc, specialize_only, SERVER_MGR, "DoNotOpenServerManagerAtLogon", "true");
  self->ie_esc_off_admins = get_flag (doc, specialize_only, IE_ESC, "IEHardenAdmin", "false");
  self->ie_esc_off_users = get_flag (doc, specialize_only, IE_ESC, "IEHardenUser", "false");
  self->skip_eula = get_flag (doc, oobe_only, SHELL_SETUP, "OOBE/HideEULAPage", "true");

  self->protect_your_pc = get_number (doc, oobe_only, SHELL_SETUP, "OOBE/ProtectYourPC");
  self->network_location = get_value (doc, oobe_only, SHELL_SETUP, "OOBE/NetworkLocation");
  self->color_depth = get_number (doc, oobe_first, SHELL_SETUP, "Display/ColorDepth");
  self->horizontal_resolution = get_number (doc, oobe_first, SHELL_SETUP, "Display/HorizontalResolution");
  self->vertical_resolution = get_number (doc, oobe_first, SHELL_SETUP, "Display/VerticalResolution");
  self->refresh_rate = get_number (doc, oobe_first, SHELL_SETUP, "Display/RefreshRate");
  return self;
}

/* ---- facts ---- */

/* "A\tB" lines of a resource (comments and blank lines skipped) as A, B, A, B, … */
static GStrv
read_pairs (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  /* the files are compiled in: missing means a broken build, not bad input */
  g_return_val_if_fail (bytes != NULL, g_strv_builder_end (out));

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (lines[i][0] == '#' || tab == NULL)
        continue;
      *tab = '\0';
      g_strv_builder_add (out, lines[i]);
      g_strv_builder_add (out, tab + 1);
    }
  return g_strv_builder_end (out);
}

GStrv
ue_quick_setup_list_time_zones (void)
{
  return read_pairs ("/org/unattendeditor/core/timezones.txt");
}

GStrv
ue_quick_setup_list_locales (void)
{
  return read_pairs ("/org/unattendeditor/core/locales.txt");
}
