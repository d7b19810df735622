/* test-manifest-reader.c — component manifests and .mum packages -> defs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/manifest-reader.h"

#define SHELL_AMD64 "amd64_microsoft-windows-shell-setup_31bf3856ad364e35_6.0.6001.18000_none_0123456789abcdef.manifest"
#define SHELL_X86   "x86_microsoft-windows-shell-setup_31bf3856ad364e35_6.0.6001.18000_none_fedcba9876543210.manifest"
#define IE_ESC      "amd64_microsoft-windows-ie-esc_31bf3856ad364e35_8.0.6001.18000_none_1111111111111111.manifest"
#define INTL        "amd64_microsoft-windows-international-core_31bf3856ad364e35_6.0.6001.18000_none_2222222222222222.manifest"
#define EMPTY       "amd64_microsoft-windows-setup-empty_31bf3856ad364e35_6.0.6001.18000_none_3333333333333333.manifest"
#define NETSEC      "amd64_microsoft-windows-network-security_31bf3856ad364e35_10.0.26100.1_none_4444444444444444.manifest"
#define DCM         "amd64_microsoft-windows-compressed_31bf3856ad364e35_10.0.26100.1_none_5555555555555555.manifest"

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("UE_TEST_DATA"), "manifests", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static UeComponentDef *
read_component (const char *name)
{
  g_autoptr(GBytes) bytes = load (name);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  UeComponentDef *def;

  g_assert_true (ue_manifest_has_settings (data, len));
  def = ue_manifest_read_component (data, len, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (def);
  return def;
}

static UeSettingDef *
lookup (UeComponentDef *comp,
        const char     *path)
{
  UeSettingDef *def = ue_component_def_lookup (comp, path);
  if (def == NULL)
    g_error ("no setting %s", path);
  return def;
}

static char *
passes_of (UeComponentDef *comp,
           const char     *path)
{
  return ue_pass_flags_to_string (lookup (comp, path)->passes);
}

static void
test_shell_setup (void)
{
  g_autoptr(UeComponentDef) comp = read_component (SHELL_AMD64);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;
  UeSettingDef *def;
  static const char * const top[] = {
    "ComputerName", "RegisteredOwner", "TimeZone", "ShowWindowsLive", "UserAccounts",
    "FirstLogonCommands", "OOBE", "Display", "Themes",
  };

  /* identity from the top-level assemblyIdentity, not the dependency's */
  g_assert_cmpstr (comp->name, ==, "Microsoft-Windows-Shell-Setup");
  g_assert_cmpstr (comp->arch, ==, "amd64");
  g_assert_cmpstr (comp->version, ==, "6.0.6001.18000");
  g_assert_cmpstr (comp->public_key_token, ==, "31bf3856ad364e35");
  g_assert_cmpstr (comp->language, ==, "neutral");
  g_assert_cmpstr (comp->version_scope, ==, "nonSxS");
  g_assert_null (comp->description);

  g_assert_cmpuint (comp->settings->len, ==, G_N_ELEMENTS (top));
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    g_assert_cmpstr (((UeSettingDef *) g_ptr_array_index (comp->settings, i))->name, ==, top[i]);
  g_assert_cmpuint (comp->n_hidden, ==, 1);   /* ShellInternal has no pass */
  g_assert_null (ue_component_def_lookup (comp, "ShellInternal"));

  def = lookup (comp, "ComputerName");
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_SIMPLE);
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_STRING);
  g_assert_cmpstr (def->xsd_type, ==, "string");
  g_assert_cmpint (def->min_length, ==, 1);
  g_assert_cmpint (def->max_length, ==, 15);
  g_assert_cmpstr (def->pattern, ==, "[^ ]*");
  g_assert_cmpstr (def->display_name, ==, "Computer name");
  g_assert_cmpstr (def->description, ==, "Name of the computer; * picks one");
  g_assert_cmpuint (def->passes, ==, UE_PASS_SPECIALIZE);

  def = lookup (comp, "RegisteredOwner");
  g_assert_cmpstr (def->default_value, ==, "Owner");
  g_assert_cmpuint (def->passes, ==, UE_PASS_SPECIALIZE | UE_PASS_OOBE_SYSTEM);
  g_assert_null (def->display_name);

  def = lookup (comp, "TimeZone");   /* anonymous simple type */
  g_assert_cmpint (def->max_length, ==, 256);
  g_assert_cmpint (def->min_length, ==, -1);

  def = lookup (comp, "ShowWindowsLive");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_BOOLEAN);
  g_assert_true (def->deprecated);

  /* complex types declared after use, inherited passes */
  def = lookup (comp, "UserAccounts");
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_COMPLEX);
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_NONE);
  p1 = passes_of (comp, "UserAccounts/LocalAccounts/LocalAccount/Password/PlainText");
  g_assert_cmpstr (p1, ==, "auditSystem oobeSystem");
  g_assert_true (ue_setting_def_is_password (lookup (comp, "UserAccounts/AdministratorPassword")));
  def = lookup (comp, "UserAccounts/AdministratorPassword/PlainText");
  g_assert_cmpstr (def->default_value, ==, "true");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_BOOLEAN);

  def = lookup (comp, "UserAccounts/LocalAccounts/LocalAccount");
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_LIST);
  g_assert_cmpstr (def->key, ==, "Name");
  g_assert_cmpuint (def->children->len, ==, 3);

  def = lookup (comp, "FirstLogonCommands/SynchronousCommand");
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_LIST);   /* maxOccurs="500" */
  g_assert_cmpstr (def->key, ==, "Order");
  def = lookup (comp, "FirstLogonCommands/SynchronousCommand/Order");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_INTEGER);
  g_assert_cmpstr (def->xsd_type, ==, "unsignedInt");
  g_assert_true (def->has_min && def->has_max);
  g_assert_cmpint (def->min, ==, 1);
  g_assert_cmpint (def->max, ==, 500);

  def = lookup (comp, "OOBE/NetworkLocation");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_ENUM);
  g_assert_cmpuint (g_strv_length (def->enum_values), ==, 3);
  g_assert_cmpstr (def->enum_values[0], ==, "Home");
  g_assert_cmpstr (def->enum_values[2], ==, "Other");

  /* a restriction of a restriction declared later still: facets fold, derived wins */
  def = lookup (comp, "OOBE/ProtectYourPC");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_INTEGER);
  g_assert_cmpstr (def->xsd_type, ==, "unsignedByte");
  g_assert_cmpint (def->min, ==, 1);
  g_assert_cmpint (def->max, ==, 3);

  def = lookup (comp, "Display/ColorDepth");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_ENUM);
  g_assert_cmpstr (def->xsd_type, ==, "unsignedInt");
  g_assert_cmpstr (def->default_value, ==, "32");
  def = lookup (comp, "Display/HorizontalResolution");
  g_assert_cmpint (def->min, ==, 0);
  g_assert_cmpint (def->max, ==, G_MAXUINT32);
  def = lookup (comp, "Display/RefreshRate");   /* exclusive bounds stored inclusive */
  g_assert_cmpint (def->min, ==, 1);
  g_assert_cmpint (def->max, ==, 240);
  def = lookup (comp, "Display/DPI");
  g_assert_false (def->visible);
  g_assert_cmpint (def->min, ==, G_MININT16);
  g_assert_cmpint (def->max, ==, G_MAXINT16);

  /* a child's own passes win over the inherited ones */
  p2 = passes_of (comp, "Themes/ThemeName");
  g_assert_cmpstr (p2, ==, "specialize");
  p3 = passes_of (comp, "Themes/WindowColor");
  g_assert_cmpstr (p3, ==, "oobeSystem");
  p4 = passes_of (comp, "Display/DPI");
  g_assert_cmpstr (p4, ==, "specialize oobeSystem");
  g_assert_cmpint (lookup (comp, "Themes/WindowColor")->min, ==, -128);
}

static void
test_prefixes_and_keys (void)
{
  g_autoptr(UeComponentDef) comp = read_component (SHELL_X86);
  UeSettingDef *def;

  g_assert_cmpstr (comp->arch, ==, "x86");
  g_assert_cmpuint (comp->settings->len, ==, 4);
  g_assert_cmpuint (comp->n_hidden, ==, 0);

  def = lookup (comp, "ComputerName");   /* unprefixed type in the XML Schema default namespace */
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_STRING);

  def = lookup (comp, "PathAndCredentials");
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_LIST);
  g_assert_cmpstr (def->key, ==, "@keyValue");
  g_assert_cmpuint (def->passes, ==, UE_PASS_WINDOWS_PE | UE_PASS_OFFLINE_SERVICING);

  def = lookup (comp, "FirewallGroups/FirewallGroup");   /* key child not visible */
  g_assert_cmpstr (def->key, ==, "@keyValue");
  def = lookup (comp, "FirewallGroups/FirewallGroup/Profile");
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_ENUM);
  g_assert_cmpstr (def->enum_values[1], ==, "domain");
  g_assert_cmpint (lookup (comp, "FirewallGroups/FirewallGroup/Active")->value_type, ==,
                   UE_VALUE_TYPE_BOOLEAN);

  def = lookup (comp, "Drives/Drive");   /* a list of text items naming an absent key */
  g_assert_cmpint (def->kind, ==, UE_SETTING_KIND_LIST);
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_STRING);
  g_assert_cmpstr (def->key, ==, "@keyValue");
}

static void
test_other_namespaces (void)
{
  g_autoptr(UeComponentDef) comp = read_component (IE_ESC);
  UeSettingDef *def = lookup (comp, "IEHardenAdmin");

  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_BOOLEAN);
  g_assert_cmpstr (def->default_value, ==, "true");
  g_assert_cmpstr (def->description, ==, "Enhanced security for administrators");
  g_assert_cmpuint (def->passes, ==, UE_PASS_SPECIALIZE);
  g_assert_cmpuint (comp->settings->len, ==, 2);
}

static void
test_hidden_and_resources (void)
{
  g_autoptr(UeComponentDef) comp = read_component (NETSEC);
  UeSettingDef *def;

  /* EnableFilter and Rules have no pass; Advanced stays as the way to Level */
  g_assert_cmpuint (comp->settings->len, ==, 2);
  g_assert_cmpuint (comp->n_hidden, ==, 3);
  g_assert_null (ue_component_def_lookup (comp, "EnableFilter"));
  g_assert_null (ue_component_def_lookup (comp, "Rules"));
  g_assert_null (ue_component_def_lookup (comp, "Advanced/Secret"));

  def = lookup (comp, "Mode");
  g_assert_cmpstr (def->display_name, ==, "(from the image)");
  g_assert_cmpint (def->max, ==, G_MAXUINT16);
  def = lookup (comp, "Advanced");
  g_assert_null (def->display_name);   /* $(string.missing) is not in the table */
  g_assert_cmpuint (def->passes, ==, UE_PASS_SPECIALIZE);
  g_assert_cmpuint (def->children->len, ==, 1);
  def = lookup (comp, "Advanced/Level");
  g_assert_cmpint (def->min, ==, G_MININT64);
  g_assert_cmpint (def->max, ==, G_MAXINT64);
}

static void
test_empty_schema (void)
{
  static const char * const names[] = { INTL, EMPTY };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = load (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(UeComponentDef) comp = NULL;
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      g_assert_false (ue_manifest_has_settings (data, len));
      comp = ue_manifest_read_component (data, len, names[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (comp->settings->len, ==, 0);
      g_assert_cmpuint (comp->n_hidden, ==, 0);
    }
}

static void
test_prefilter (void)
{
  static const struct { const char *text; gboolean expect; } cases[] = {
    { "<assembly><configurationSchema><x:schema/></configurationSchema></assembly>", TRUE },
    { "<a><c:configurationSchema>\n <s:schema/></c:configurationSchema></a>", TRUE },
    { "<a><configurationSchema/></a>", FALSE },
    { "<a><configurationSchema  /></a>", FALSE },
    { "<a><configurationSchema>\r\n  </configurationSchema></a>", FALSE },
    { "<a><configurationSchema><!-- <x/> --></configurationSchema></a>", FALSE },
    { "<a>configurationSchema<b/></a>", FALSE },
    { "<a><configurationSchemaX><b/></configurationSchemaX></a>", FALSE },
    { "<a><configurationSchema/><configurationSchema><b/></configurationSchema></a>", TRUE },
    { "<a><configurationSchema>", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ue_manifest_has_settings (cases[i].text, strlen (cases[i].text)), ==, cases[i].expect);
  /* UTF-16 cannot be scanned: let the parser decide */
  g_assert_true (ue_manifest_has_settings ("\xff\xfe<\0a\0", 6));
}

static void
expect_error (const char *text,
              gint        code,
              const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeComponentDef) comp = ue_manifest_read_component (text, strlen (text), "x.manifest", &error);

  g_assert_null (comp);
  g_assert_error (error, UE_MANIFEST_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
test_errors (void)
{
  expect_error ("<?xml version=\"1.0\"?>\n<!DOCTYPE assembly [<!ENTITY a \"aaaa\">]>\n"
                "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\">&a;</assembly>",
                UE_MANIFEST_ERROR_UNSAFE, "x.manifest:");
  expect_error ("<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\">\n  <assemblyIdentity name=\"a\">\n</assembly>",
                UE_MANIFEST_ERROR_PARSE, "x.manifest:3:");
  expect_error ("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>",
                UE_MANIFEST_ERROR_NOT_A_MANIFEST, "x.manifest:1: error:");
  expect_error ("<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\"><assemblyIdentity version=\"1\"/></assembly>",
                UE_MANIFEST_ERROR_NOT_A_MANIFEST, "x.manifest: error:");
  expect_error ("<assembly xmlns=\"urn:other\"/>", UE_MANIFEST_ERROR_NOT_A_MANIFEST, "not an assembly");
  expect_error ("", UE_MANIFEST_ERROR_PARSE, "x.manifest");
  expect_error ("DCM\x01PA30", UE_MANIFEST_ERROR_COMPRESSED, "compressed");
}

static void
test_compressed (void)
{
  g_autoptr(GBytes) bytes = load (DCM);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *shared = g_getenv ("UE_SHARED_DIR");
  g_autofree char *real = NULL;

  g_assert_true (ue_manifest_is_compressed (data, len));
  g_assert_false (ue_manifest_is_compressed ("DCM", 3));

  real = g_build_filename (shared ? shared : "", "test-vectors", "dcm",
                           "amd64_microsoft-windows-network-security_31bf3856ad364e35_10.0.26100.1591_none_68e46b0fda91af4d.manifest",
                           NULL);
  if (g_file_test (real, G_FILE_TEST_EXISTS))
    {
      g_autofree char *contents = NULL;
      gsize real_len;
      g_assert_true (g_file_get_contents (real, &contents, &real_len, NULL));
      g_assert_true (ue_manifest_is_compressed (contents, real_len));
    }
  else
    g_test_message ("%s is absent: real DCM sample not checked", real);
}

static UePackageDef *
read_package (const char *name)
{
  g_autofree char *path = g_build_filename ("packages", name, NULL);
  g_autoptr(GBytes) bytes = load (path);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  UePackageDef *def = ue_manifest_read_package (data, len, name, &error);

  g_assert_no_error (error);
  return def;
}

static void
test_packages (void)
{
  g_autoptr(UePackageDef) foundation =
    read_package ("Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~6.0.6001.18000.mum");
  g_autoptr(UePackageDef) lp =
    read_package ("Microsoft-Windows-LanguagePack-Package~31bf3856ad364e35~amd64~en-US~6.0.6001.18000.mum");
  static const char * const features[] = { "Printing-Foundation-Features", "TelnetClient", "SNMP", NULL };

  g_assert_cmpstr (foundation->name, ==, "Microsoft-Windows-Foundation-Package");
  g_assert_cmpstr (foundation->arch, ==, "amd64");
  g_assert_cmpstr (foundation->version, ==, "6.0.6001.18000");
  g_assert_cmpstr (foundation->public_key_token, ==, "31bf3856ad364e35");
  g_assert_cmpstr (foundation->language, ==, "neutral");
  g_assert_cmpstr (foundation->release_type, ==, "Feature Pack");
  g_assert_true (g_strv_equal ((const char * const *) foundation->features, features));

  g_assert_cmpstr (lp->language, ==, "en-US");
  g_assert_cmpstr (lp->release_type, ==, "Language Pack");
  g_assert_cmpuint (g_strv_length (lp->features), ==, 0);
}

static void
test_description_and_applies_to (void)
{
  static const char text[] =
    "<assembly xmlns='urn:schemas-microsoft-com:asm.v3' xmlns:ue='urn:unattend-editor:catalog'>"
    "<assemblyIdentity name='Microsoft-Windows-Test' processorArchitecture='x86'/>"
    "<description>\n  Sets up a test.\n</description>"
    "<configuration><configurationSchema><xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'"
    " xmlns:wcm='http://schemas.microsoft.com/WMIConfig/2002/State'>"
    "<xs:element name='A' type='xs:int' wcm:passes='generalize' ue:appliesTo='WS2008 Win7'/>"
    "<xs:element name='B' type='xs:positiveInteger' wcm:passes='auditUser' wcm:displayName='Plain'/>"
    "</xs:schema></configurationSchema></configuration></assembly>";
  g_autoptr(GError) error = NULL;
  g_autoptr(UeComponentDef) comp = ue_manifest_read_component (text, sizeof text - 1, "t", &error);
  UeSettingDef *def;

  g_assert_no_error (error);
  g_assert_cmpstr (comp->description, ==, "Sets up a test.");
  g_assert_cmpstr (comp->arch, ==, "x86");
  g_assert_null (comp->version);
  def = lookup (comp, "A");
  g_assert_cmpstr (def->applies_to, ==, "WS2008 Win7");
  g_assert_cmpint (def->min, ==, G_MININT32);
  def = lookup (comp, "B");
  g_assert_null (def->applies_to);
  g_assert_cmpstr (def->display_name, ==, "Plain");
  g_assert_true (def->has_min && !def->has_max);
  g_assert_cmpint (def->min, ==, 1);
}

static void
check_paths (GPtrArray    *settings,
             UeSettingDef *parent,
             guint        *count)
{
  for (guint i = 0; i < settings->len; i++)
    {
      UeSettingDef *def = g_ptr_array_index (settings, i);
      g_autofree char *expected = parent ? g_strconcat (parent->path, "/", def->name, NULL) : g_strdup (def->name);

      g_assert_true (def->parent == parent);
      g_assert_cmpstr (def->path, ==, expected);
      (*count)++;
      check_paths (def->children, def, count);
    }
}

/* a deep schema (built from the top down), with hidden branches between visible ones:
 * every path is its parent's path and its own name, and no hidden branch stays */
static void
test_deep_paths (void)
{
  g_autoptr(GString) text = g_string_new (
    "<assembly xmlns='urn:schemas-microsoft-com:asm.v3'><assemblyIdentity name='Deep'/>"
    "<configuration><configurationSchema><xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'"
    " xmlns:wcm='http://schemas.microsoft.com/WMIConfig/2002/State'>"
    "<xs:element name='Hidden'><xs:complexType><xs:sequence><xs:element name='Never' type='xs:string'/>"
    "</xs:sequence></xs:complexType></xs:element><xs:element name='Root' type='T0'/>");
  g_autoptr(GError) error = NULL;
  g_autoptr(UeComponentDef) comp = NULL;
  g_autofree char *deepest = g_strdup ("Root");
  guint count = 0;
  const guint depth = 20;

  for (guint i = 0; i < depth; i++)
    {
      g_autofree char *above = g_steal_pointer (&deepest);

      /* Off: complex with no pass anywhere below it, so hidden; Next has none of its
       * own either but leads to a Leaf that has one */
      g_string_append_printf (text, "<xs:complexType name='T%u'><xs:sequence>"
                              "<xs:element name='Off'><xs:complexType><xs:sequence>"
                              "<xs:element name='Never' type='xs:string'/></xs:sequence></xs:complexType></xs:element>"
                              "<xs:element name='Leaf' type='xs:string' wcm:passes='specialize'/>"
                              "<xs:element name='Next' type='T%u'/>"
                              "</xs:sequence></xs:complexType>", i, i + 1);
      deepest = g_strconcat (above, "/Next", NULL);
    }
  g_string_append_printf (text, "<xs:complexType name='T%u'><xs:sequence><xs:element name='End' type='xs:int' wcm:passes='oobeSystem'/>"
                          "</xs:sequence></xs:complexType></xs:schema></configurationSchema></configuration></assembly>",
                          depth);
  comp = ue_manifest_read_component (text->str, text->len, "deep.manifest", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comp->settings->len, ==, 1);
  check_paths (comp->settings, NULL, &count);
  /* Root, then Leaf and Next on each level, then End */
  g_assert_cmpuint (count, ==, 1 + 2 * depth + 1);
  g_assert_nonnull (lookup (comp, deepest));
  g_assert_null (ue_component_def_lookup (comp, "Root/Off"));
  g_assert_cmpuint (comp->n_hidden, >, 0);
  g_assert_cmpstr (lookup (comp, "Root")->path, ==, "Root");
}

/* a byte the declared encoding cannot convert: libxml2 reports that outside the
 * reader; the caller gets an error, the terminal nothing */
static void
test_encoding_error_quiet (void)
{
  static const char text[] = "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"ut-f8\"?>\xb8\xb8\xb8y>\r\n";

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) package_error = NULL;

      g_assert_null (ue_manifest_read_component (text, sizeof text - 1, "enc.manifest", &error));
      g_assert_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "enc.manifest:"));
      g_assert_null (ue_manifest_read_package (text, sizeof text - 1, "enc.mum", &package_error));
      g_assert_nonnull (package_error);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* damaged manifests: an error or a component, never a crash or a critical */
static void
test_mutated (void)
{
  static const char * const names[] = { SHELL_AMD64, SHELL_X86, NETSEC };
  GRand *rand = g_rand_new_with_seed (7);
  guint parsed = 0, refused = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(GBytes) bytes = load (names[f]);
      gsize len;
      const guint8 *orig = g_bytes_get_data (bytes, &len);

      for (guint round = 0; round < 400; round++)
        {
          g_autofree guint8 *data = g_memdup2 (orig, len);
          g_autoptr(GError) error = NULL;
          g_autoptr(UeComponentDef) comp = NULL;
          static const char bytes_of_xml[] = "<>/\"=:x \n&;";

          for (guint i = 0, n = g_rand_int_range (rand, 1, 6); i < n; i++)
            data[g_rand_int_range (rand, 0, len)] = bytes_of_xml[g_rand_int_range (rand, 0, sizeof bytes_of_xml - 1)];
          ue_manifest_has_settings ((const char *) data, len);
          comp = ue_manifest_read_component ((const char *) data, len, "m", &error);
          if (comp != NULL)
            parsed++;
          else
            {
              g_assert_true (error->domain == UE_MANIFEST_ERROR);
              refused++;
            }
        }
    }
  g_test_message ("%u damaged manifests parsed, %u refused", parsed, refused);
  g_assert_cmpuint (parsed, >, 0);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/manifest-reader/shell-setup", test_shell_setup);
  g_test_add_func ("/core/manifest-reader/prefixes-and-keys", test_prefixes_and_keys);
  g_test_add_func ("/core/manifest-reader/other-namespaces", test_other_namespaces);
  g_test_add_func ("/core/manifest-reader/hidden-and-resources", test_hidden_and_resources);
  g_test_add_func ("/core/manifest-reader/empty-schema", test_empty_schema);
  g_test_add_func ("/core/manifest-reader/prefilter", test_prefilter);
  g_test_add_func ("/core/manifest-reader/errors", test_errors);
  g_test_add_func ("/core/manifest-reader/compressed", test_compressed);
  g_test_add_func ("/core/manifest-reader/packages", test_packages);
  g_test_add_func ("/core/manifest-reader/description-and-applies-to", test_description_and_applies_to);
  g_test_add_func ("/core/manifest-reader/mutated", test_mutated);
  g_test_add_func ("/core/manifest-reader/deep-paths", test_deep_paths);
  g_test_add_func ("/core/manifest-reader/encoding-error-quiet", test_encoding_error_quiet);
  return g_test_run ();
}
