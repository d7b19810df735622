/* test-validator.c — one incorrect document per rule, with its exact message and place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog is built here (a few real components with the shapes the rules need),
 * so these tests do not depend on the embedded catalog's data.
 */
#include <string.h>

#include "doc-test-util.h"
#include "core/secret.h"
#include "core/validator-private.h"
#include "core/validator.h"

/* ---- a small catalog ---- */

static UeSettingDef *
add (UeSettingDef *parent,
     const char   *name,
     UeSettingKind kind,
     UeValueType   type)
{
  UeSettingDef *def = ue_setting_def_new (name, kind);

  def->value_type = type;
  if (parent != NULL)
    {
      ue_setting_def_add_child (parent, def);
      ue_setting_def_unref (def);
    }
  return def;
}

/* a top-level setting: passes hold for everything below it */
static void
add_top (UeComponentDef *comp,
         UeSettingDef   *def,
         const char     *passes)
{
  def->passes = ue_pass_flags_parse (passes);
  ue_component_def_add_setting (comp, def);
  ue_setting_def_unref (def);
}

static UeComponentDef *
new_component (const char *name,
               const char *arch)
{
  UeComponentDef *comp = ue_component_def_new (name, arch);

  comp->public_key_token = g_strdup ("31bf3856ad364e35");
  comp->language = g_strdup ("neutral");
  return comp;
}

static void
add_password (UeSettingDef *parent,
              const char   *name)
{
  UeSettingDef *password = add (parent, name, UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);

  add (password, "Value", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add (password, "PlainText", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN);
}

static UeComponentDef *
make_shell_setup (const char *arch)
{
  UeComponentDef *comp = new_component ("Microsoft-Windows-Shell-Setup", arch);
  UeSettingDef *def, *oobe, *accounts, *locals, *local, *commands, *command, *display;
  const char *locations[] = { "Home", "Work", "Other", NULL };

  def = add (NULL, "ComputerName", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  def->max_length = 15;
  add_top (comp, def, "offlineServicing specialize");
  add_top (comp, add (NULL, "TimeZone", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING), "specialize oobeSystem");

  oobe = add (NULL, "OOBE", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  add (oobe, "HideEULAPage", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN);
  def = add (oobe, "NetworkLocation", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_ENUM);
  def->enum_values = g_strdupv ((char **) locations);
  def = add (oobe, "ProtectYourPC", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_INTEGER);
  def->has_min = def->has_max = TRUE;
  def->min = 1;
  def->max = 3;
  def = add (oobe, "SkipMachineOOBE", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN);
  def->deprecated = TRUE;
  add_top (comp, oobe, "oobeSystem");

  accounts = add (NULL, "UserAccounts", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  add_password (accounts, "AdministratorPassword");
  locals = add (accounts, "LocalAccounts", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  local = add (locals, "LocalAccount", UE_SETTING_KIND_LIST, UE_VALUE_TYPE_NONE);
  local->key = g_strdup ("Name");
  add (local, "Name", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add (local, "Group", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add_password (local, "Password");
  add_top (comp, accounts, "oobeSystem auditSystem");

  commands = add (NULL, "FirstLogonCommands", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  command = add (commands, "SynchronousCommand", UE_SETTING_KIND_LIST, UE_VALUE_TYPE_NONE);
  command->key = g_strdup ("Order");
  def = add (command, "Order", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_INTEGER);
  def->has_min = def->has_max = TRUE;
  def->min = 1;
  def->max = 500;
  add (command, "CommandLine", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add (command, "Description", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add_top (comp, commands, "oobeSystem");

  def = add (NULL, "OEMInformation", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  add (def, "SupportURL", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
  add_top (comp, def, "specialize");

  display = add (NULL, "Display", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
  def = add (display, "ColorDepth", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_INTEGER);
  def->xsd_type = g_strdup ("unsignedInt");
  add_top (comp, display, "specialize oobeSystem");
  return comp;
}

static UeCatalog *
make_catalog (void)
{
  UeCatalog *catalog = ue_catalog_new (UE_CATALOG_SOURCE_FILE);
  const char *archs[] = { "amd64", "x86" };

  for (guint i = 0; i < G_N_ELEMENTS (archs); i++)
    {
      g_autoptr(UeComponentDef) shell = make_shell_setup (archs[i]);
      g_autoptr(UeComponentDef) esc = new_component ("Microsoft-Windows-IE-ESC", archs[i]);
      g_autoptr(UeComponentDef) pnp = new_component ("Microsoft-Windows-PnpSysprep", archs[i]);
      g_autoptr(UeComponentDef) winpe = new_component ("Microsoft-Windows-PnpCustomizationsWinPE", archs[i]);
      UeSettingDef *paths, *item, *credentials;

      add_top (esc, add (NULL, "IEHardenAdmin", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN), "specialize");
      add_top (esc, add (NULL, "IEHardenUser", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN), "specialize");
      add_top (pnp, add (NULL, "PersistAllDeviceInstalls", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_BOOLEAN),
               "generalize");
      paths = add (NULL, "DriverPaths", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
      item = add (paths, "PathAndCredentials", UE_SETTING_KIND_LIST, UE_VALUE_TYPE_NONE);
      item->key = g_strdup ("@keyValue");
      add (item, "Path", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
      credentials = add (item, "Credentials", UE_SETTING_KIND_COMPLEX, UE_VALUE_TYPE_NONE);
      add (credentials, "Domain", UE_SETTING_KIND_SIMPLE, UE_VALUE_TYPE_STRING);
      add_top (winpe, paths, "windowsPE offlineServicing");

      ue_catalog_add_component (catalog, shell);
      ue_catalog_add_component (catalog, esc);
      ue_catalog_add_component (catalog, pnp);
      ue_catalog_add_component (catalog, winpe);
    }
  return catalog;
}

/* ---- documents ---- */

#define DECL "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
#define HEAD DECL "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" " \
  "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"
#define COMP_FULL(name, arch, token) "    <component name=\"" name "\" processorArchitecture=\"" arch "\" " \
  "publicKeyToken=\"" token "\" language=\"neutral\" versionScope=\"nonSxS\">\n"
#define COMP(name, arch) COMP_FULL (name, arch, "31bf3856ad364e35")
#define SHELL COMP ("Microsoft-Windows-Shell-Setup", "amd64")
#define ESC COMP ("Microsoft-Windows-IE-ESC", "amd64")
#define END_COMP "    </component>\n"
#define END "  </settings>\n</unattend>\n"
/* the body starts on line 5, settings indented by 6 spaces (column 7) */
#define DOC(pass, comp, body) HEAD "  <settings pass=\"" pass "\">\n" comp body END_COMP END

static GListModel *
validate (const char *text,
          UeCatalog  *catalog)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  return ue_validate_document (doc, catalog);
}

static void
assert_messages (GListModel        *messages,
                 const char * const *expected)
{
  guint n = g_list_model_get_n_items (messages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);

      g_assert_true (g_str_has_prefix (line, "test.xml:"));
      g_assert_nonnull (expected[i]);
      g_assert_cmpstr (line + strlen ("test.xml:"), ==, expected[i]);
    }
  g_assert_null (expected[n]);
}

typedef struct
{
  const char *name;
  const char *document;
  const char *expected[5];
} RuleCase;

static const RuleCase rule_cases[] = {
  /* document */
  { "not-unattend", DECL "<catalog xmlns=\"urn:schemas-microsoft-com:unattend\"/>\n",
    { "2:1: error: not an answer file: the root element is <catalog>, not "
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">" } },
  { "wrong-namespace", DECL "<unattend xmlns=\"urn:example\">\n</unattend>\n",
    { "2:1: error: the root element <unattend> is not in the namespace “urn:schemas-microsoft-com:unattend” "
      "(its namespace is “urn:example”); Windows Setup does not read it" } },
  { "no-namespace", DECL "<unattend>\n</unattend>\n",
    { "2:1: error: the root element <unattend> is not in the namespace “urn:schemas-microsoft-com:unattend” "
      "(its namespace is “”); Windows Setup does not read it" } },
  { "fragment", "<settings pass=\"specialize\" xmlns=\"urn:schemas-microsoft-com:unattend\">\n" ESC
    "      <IEHardenAdmin>maybe</IEHardenAdmin>\n" END_COMP "</settings>\n",
    { "1:1: warning: a bare <settings> fragment, not a whole answer file: Windows Setup wants it inside "
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">",
      "3:7: error: “IEHardenAdmin” must be true or false, not “maybe”" } },
  { "unexpected-element", HEAD "  <comment>x</comment>\n</unattend>\n",
    { "3:3: warning: unexpected element <comment> in <unattend>; Windows Setup ignores it" } },
  /* passes */
  { "unknown-pass", DOC ("firstBoot", ESC, ""),
    { "3:13: error: unknown pass “firstBoot”; the passes are windowsPE, offlineServicing, generalize, "
      "specialize, auditSystem, auditUser, oobeSystem" } },
  { "pass-case", DOC ("OOBESystem", ESC, ""),
    { "3:13: error: unknown pass “OOBESystem”; did you mean “oobeSystem”?" } },
  { "no-pass", HEAD "  <settings>\n  </settings>\n</unattend>\n",
    { "3:3: error: <settings> has no pass attribute" } },
  { "repeated-pass", HEAD "  <settings pass=\"specialize\"/>\n  <settings pass=\"specialize\"/>\n</unattend>\n",
    { "4:13: warning: pass “specialize” appears a second time (first at line 3); keep one <settings> element per pass" } },
  { "not-a-component", HEAD "  <settings pass=\"specialize\">\n    <Component/>\n  </settings>\n</unattend>\n",
    { "4:5: warning: unexpected element <Component> in a pass; only <component> elements belong here" } },
  /* components */
  { "missing-attribute", HEAD "  <settings pass=\"specialize\">\n"
    "    <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\">\n"
    END_COMP END,
    { "4:5: error: component Microsoft-Windows-IE-ESC has no language attribute" } },
  { "missing-name", HEAD "  <settings pass=\"specialize\">\n"
    "    <component processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\">\n"
    END_COMP END,
    { "4:5: error: component (no name) has no name attribute" } },
  { "empty-token", DOC ("specialize", COMP_FULL ("Microsoft-Windows-IE-ESC", "amd64", ""), ""),
    { "4:78: error: component Microsoft-Windows-IE-ESC has an empty publicKeyToken attribute" } },
  { "bad-arch", DOC ("specialize", COMP ("Microsoft-Windows-IE-ESC", "x64"), ""),
    { "4:48: error: processorArchitecture “x64” is not one of x86, amd64, wow64, arm64, ia64, arm" } },
  { "placeholder-arch", DOC ("specialize", COMP ("Microsoft-Windows-IE-ESC", "%ARCH%"), ""),
    { "4:48: error: processorArchitecture “%ARCH%” is an unrendered template placeholder, "
      "not one of x86, amd64, wow64, arm64, ia64, arm" } },
  { "arch-case", DOC ("specialize", COMP ("Microsoft-Windows-IE-ESC", "AMD64"), ""),
    { "4:48: warning: processorArchitecture “AMD64” is written “amd64” by Windows tools" } },
  { "unknown-component", DOC ("specialize", COMP ("Microsoft-Windows-IE-ESCC", "amd64"), ""),
    { "4:16: error: unknown component “Microsoft-Windows-IE-ESCC”; did you mean “Microsoft-Windows-IE-ESC”?" } },
  { "unknown-component-far", DOC ("specialize", COMP ("Contoso-Deployment-Agent", "amd64"), ""),
    { "4:16: error: unknown component “Contoso-Deployment-Agent”" } },
  /* the second time a name comes, its suggestion (or that it has none) is remembered */
  { "unknown-components-again", HEAD "  <settings pass=\"specialize\">\n"
    COMP ("Contoso-Deployment-Agent", "amd64") END_COMP COMP ("Microsoft-Windows-IE-ESCC", "amd64") END_COMP
    COMP ("Contoso-Deployment-Agent", "x86") END_COMP COMP ("Microsoft-Windows-IE-ESCC", "x86") END_COMP END,
    { "4:16: error: unknown component “Contoso-Deployment-Agent”",
      "6:16: error: unknown component “Microsoft-Windows-IE-ESCC”; did you mean “Microsoft-Windows-IE-ESC”?",
      "8:16: error: unknown component “Contoso-Deployment-Agent”",
      "10:16: error: unknown component “Microsoft-Windows-IE-ESCC”; did you mean “Microsoft-Windows-IE-ESC”?" } },
  { "duplicate-component", HEAD "  <settings pass=\"specialize\">\n" ESC END_COMP ESC END_COMP END,
    { "6:5: error: component Microsoft-Windows-IE-ESC (amd64) appears twice in pass specialize (first at line 4)" } },
  { "wrong-token", DOC ("specialize", COMP_FULL ("Microsoft-Windows-IE-ESC", "amd64", "0000000000000000"), ""),
    { "4:78: warning: publicKeyToken “0000000000000000” is not the component’s “31bf3856ad364e35”" } },
  { "name-case", DOC ("generalize", COMP ("Microsoft-Windows-PnPSysprep", "amd64"),
                      "      <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>\n"),
    { "4:16: warning: component name “Microsoft-Windows-PnPSysprep” differs in case from the catalog’s "
      "“Microsoft-Windows-PnpSysprep” (Windows compares names without case)" } },
  { "component-xmlns", HEAD "  <settings pass=\"specialize\">\n"
    "    <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" "
    "language=\"neutral\" xmlns=\"\">\n" END_COMP END,
    { "4:5: error: component Microsoft-Windows-IE-ESC is not in the answer-file namespace (its xmlns is “”); "
      "Windows Setup skips it" } },
  { "version-scope", HEAD "  <settings pass=\"specialize\">\n"
    "    <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" "
    "language=\"neutral\" versionScope=\"NonSxS\">\n" END_COMP END,
    { "4:131: warning: versionScope “NonSxS” is written “nonSxS” by Windows tools" } },
  { "no-break-spaces", DOC ("specialize", ESC, "\xc2\xa0\xc2\xa0<IEHardenAdmin>false</IEHardenAdmin>\n"
                            "\xc2\xa0\xc2\xa0<IEHardenUser>false</IEHardenUser>\n"),
    { "5:1: warning: <component> holds spaces that are not XML white space (no-break or ideographic spaces) "
      "between its elements; Windows Setup reads them as text" } },
  { "stray-text", DOC ("oobeSystem", SHELL, "      <OOBE>\n        HideEULAPage\n        <HideEULAPage>true</HideEULAPage>\n"
                       "      </OOBE>\n"),
    { "6:9: warning: <OOBE> holds the text “HideEULAPage” between its elements, where only elements belong" } },
  /* settings */
  { "unknown-setting", DOC ("specialize", ESC, "      <IEHardenEveryone>false</IEHardenEveryone>\n"),
    { "5:7: error: unknown setting “IEHardenEveryone” in Microsoft-Windows-IE-ESC" } },
  { "setting-case", DOC ("specialize", ESC, "      <ieHardenAdmin>false</ieHardenAdmin>\n"),
    { "5:7: error: unknown setting “ieHardenAdmin” in Microsoft-Windows-IE-ESC; did you mean “IEHardenAdmin”?" } },
  { "setting-typo", DOC ("specialize", SHELL, "      <ComputerNme>*</ComputerNme>\n"),
    { "5:7: error: unknown setting “ComputerNme” in Microsoft-Windows-Shell-Setup; did you mean “ComputerName”?" } },
  { "wrong-level", DOC ("oobeSystem", SHELL, "      <HideEULAPage>true</HideEULAPage>\n"),
    { "5:7: error: “HideEULAPage” does not belong in Microsoft-Windows-Shell-Setup; its place is OOBE/HideEULAPage" } },
  { "wrong-parent", DOC ("oobeSystem", SHELL, "      <Display>\n        <HideEULAPage>true</HideEULAPage>\n      </Display>\n"),
    { "6:9: error: “HideEULAPage” does not belong in Microsoft-Windows-Shell-Setup/Display; its place is OOBE/HideEULAPage" } },
  { "other-component", DOC ("specialize", SHELL, "      <IEHardenAdmin>false</IEHardenAdmin>\n"),
    { "5:7: error: unknown setting “IEHardenAdmin” in Microsoft-Windows-Shell-Setup; "
      "it belongs to component Microsoft-Windows-IE-ESC" } },
  { "wrong-pass", DOC ("windowsPE", SHELL, "      <ComputerName>*</ComputerName>\n"),
    { "5:7: error: “ComputerName” cannot be set in pass windowsPE; it is allowed in offlineServicing, specialize" } },
  { "boolean", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <HideEULAPage>yes</HideEULAPage>\n      </OOBE>\n"),
    { "6:9: error: “HideEULAPage” must be true or false, not “yes”" } },
  { "integer", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <ProtectYourPC>three</ProtectYourPC>\n      </OOBE>\n"),
    { "6:9: error: “ProtectYourPC” must be a whole number, not “three”" } },
  { "range", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <ProtectYourPC>4</ProtectYourPC>\n      </OOBE>\n"),
    { "6:9: error: “ProtectYourPC” is 4, outside the allowed range 1..3" } },
  { "type-range", DOC ("oobeSystem", SHELL, "      <Display>\n        <ColorDepth>-32</ColorDepth>\n      </Display>\n"),
    { "6:9: error: “ColorDepth” is -32, outside the allowed range 0..4294967295" } },
  { "enum", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <NetworkLocation>Office</NetworkLocation>\n      </OOBE>\n"),
    { "6:9: error: “NetworkLocation” must be one of Home, Work, Other, not “Office”" } },
  { "enum-case", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <NetworkLocation>work</NetworkLocation>\n      </OOBE>\n"),
    { "6:9: warning: “NetworkLocation” is “work”; the documented spelling is “Work”" } },
  { "too-long", DOC ("specialize", SHELL, "      <ComputerName>BUILD-SERVER-0001</ComputerName>\n"),
    { "5:7: error: “ComputerName” is 17 characters long, more than the allowed 15" } },
  { "empty-boolean", DOC ("specialize", ESC, "      <IEHardenAdmin> </IEHardenAdmin>\n      <IEHardenUser/>\n"),
    { "5:7: warning: “IEHardenAdmin” is empty; Windows Setup expects true or false",
      "6:7: warning: “IEHardenUser” is empty; Windows Setup expects true or false" } },
  { "empty-enum", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <NetworkLocation/>\n      </OOBE>\n"),
    { "6:9: warning: “NetworkLocation” is empty; Windows Setup expects one of Home, Work, Other" } },
  { "deprecated", DOC ("oobeSystem", SHELL, "      <OOBE>\n        <SkipMachineOOBE>true</SkipMachineOOBE>\n      </OOBE>\n"),
    { "6:9: warning: “SkipMachineOOBE” is deprecated; newer versions of Windows may ignore it" } },
  { "repeated-setting", DOC ("specialize", SHELL, "      <ComputerName>A</ComputerName>\n      <ComputerName>B</ComputerName>\n"),
    { "6:7: error: “ComputerName” appears a second time (first at line 5); it is not a list" } },
  { "holds-value", DOC ("specialize", SHELL, "      <ComputerName>\n        <Name>x</Name>\n      </ComputerName>\n"),
    { "5:7: error: “ComputerName” holds a value, not settings like <Name>" } },
  { "holds-settings", DOC ("oobeSystem", SHELL, "      <OOBE>true</OOBE>\n"),
    { "5:7: error: “OOBE” holds settings, not a value like “true”" } },
  /* lists */
  { "no-action", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand>\n"
                      "          <Order>1</Order>\n        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "6:9: warning: list item “SynchronousCommand” has no wcm:action attribute (WSIM writes wcm:action=\"add\")" } },
  { "bad-action", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand wcm:action=\"append\">\n"
                       "          <Order>1</Order>\n        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "6:29: error: wcm:action “append” is not one of add, modify, remove" } },
  { "missing-key", DOC ("oobeSystem", SHELL, "      <UserAccounts>\n        <LocalAccounts>\n"
                        "          <LocalAccount wcm:action=\"add\">\n            <Group>Administrators</Group>\n"
                        "          </LocalAccount>\n        </LocalAccounts>\n      </UserAccounts>\n"),
    { "7:11: error: list item “LocalAccount” has no <Name> (its key)" } },
  { "missing-key-value", DOC ("windowsPE", COMP ("Microsoft-Windows-PnpCustomizationsWinPE", "amd64"),
                              "      <DriverPaths>\n        <PathAndCredentials wcm:action=\"add\">\n"
                              "          <Path>D:\\Drivers</Path>\n        </PathAndCredentials>\n      </DriverPaths>\n"),
    { "6:9: error: list item “PathAndCredentials” has no wcm:keyValue attribute (its key)" } },
  { "duplicate-key", DOC ("oobeSystem", SHELL, "      <UserAccounts>\n        <LocalAccounts>\n"
                          "          <LocalAccount wcm:action=\"add\">\n            <Name>admin2</Name>\n          </LocalAccount>\n"
                          "          <LocalAccount wcm:action=\"add\">\n            <Name>admin2</Name>\n          </LocalAccount>\n"
                          "        </LocalAccounts>\n      </UserAccounts>\n"),
    { "11:13: error: duplicate key: another “LocalAccount” has Name “admin2” (line 7)" } },
  { "duplicate-key-value", DOC ("windowsPE", COMP ("Microsoft-Windows-PnpCustomizationsWinPE", "amd64"),
                                "      <DriverPaths>\n"
                                "        <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\"/>\n"
                                "        <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\"/>\n      </DriverPaths>\n"),
    { "7:9: error: duplicate key: another “PathAndCredentials” has wcm:keyValue “1” (line 6)" } },
  { "order-range", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand wcm:action=\"add\">\n"
                        "          <Order>501</Order>\n        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "7:11: error: Order 501 is outside 1..500" } },
  { "order-zero", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand wcm:action=\"add\">\n"
                       "          <Order>0</Order>\n        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "7:11: error: Order 0 is outside 1..500" } },
  { "order-not-number", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand wcm:action=\"add\">\n"
                             "          <Order>first</Order>\n        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "7:11: error: “Order” must be a whole number, not “first”" } },
  { "order-duplicate", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n"
                            "        <SynchronousCommand wcm:action=\"add\">\n          <Order>1</Order>\n        </SynchronousCommand>\n"
                            "        <SynchronousCommand wcm:action=\"add\">\n          <Order>01</Order>\n        </SynchronousCommand>\n"
                            "      </FirstLogonCommands>\n"),
    { "10:11: warning: Order 1 is used twice in “SynchronousCommand” (first at line 6)" } },
  { "order-gap", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n"
                      "        <SynchronousCommand wcm:action=\"add\">\n          <Order>1</Order>\n        </SynchronousCommand>\n"
                      "        <SynchronousCommand wcm:action=\"add\">\n          <Order>3</Order>\n        </SynchronousCommand>\n"
                      "      </FirstLogonCommands>\n"),
    { "9:9: warning: the Order numbers of “SynchronousCommand” have a gap: 2 is missing" } },
  /* passwords */
  { "password-not-hidden", DOC ("oobeSystem", SHELL, "      <UserAccounts>\n        <AdministratorPassword>\n"
                                "          <Value>Passw0rd!</Value>\n          <PlainText>false</PlainText>\n"
                                "        </AdministratorPassword>\n      </UserAccounts>\n"),
    { "7:11: error: “AdministratorPassword” has PlainText false, but its Value is not a hidden password "
      "(WSIM’s “Hide Sensitive Data” encoding of the password followed by “AdministratorPassword”)" } },
  /* the encoding of "x" + "Password": hidden for the wrong element */
  { "password-other-element", DOC ("oobeSystem", SHELL, "      <UserAccounts>\n        <AdministratorPassword>\n"
                                   "          <Value>eABQAGEAcwBzAHcAbwByAGQA</Value>\n          <PlainText>false</PlainText>\n"
                                   "        </AdministratorPassword>\n      </UserAccounts>\n"),
    { "7:11: error: “AdministratorPassword” has PlainText false, but its Value is not a hidden password "
      "(WSIM’s “Hide Sensitive Data” encoding of the password followed by “AdministratorPassword”)" } },
  /* placeholders */
  { "placeholder-at", DOC ("specialize", SHELL, "      <ComputerName>@@HOSTNAME@@</ComputerName>\n"),
    { "5:7: warning: “ComputerName” contains “@@HOSTNAME@@”, which looks like an unrendered template placeholder" } },
  { "placeholder-dollar", DOC ("specialize", SHELL, "      <TimeZone>${timezone}</TimeZone>\n"),
    { "5:7: warning: “TimeZone” contains “${timezone}”, which looks like an unrendered template placeholder" } },
  { "placeholder-braces", DOC ("specialize", SHELL, "      <TimeZone>{{ tz }}</TimeZone>\n"),
    { "5:7: warning: “TimeZone” contains “{{ tz }}”, which looks like an unrendered template placeholder" } },
  { "placeholder-percent", DOC ("specialize", SHELL, "      <ComputerName>%NAME%</ComputerName>\n"),
    { "5:7: warning: “ComputerName” contains “%NAME%”, which looks like an unrendered template placeholder" } },
  { "placeholder-command", DOC ("oobeSystem", SHELL, "      <FirstLogonCommands>\n        <SynchronousCommand wcm:action=\"add\">\n"
                                "          <Order>1</Order>\n          <CommandLine>%SETUP_COMMAND%</CommandLine>\n"
                                "        </SynchronousCommand>\n      </FirstLogonCommands>\n"),
    { "8:11: warning: “CommandLine” contains “%SETUP_COMMAND%”, which looks like an unrendered template placeholder" } },
  { "placeholder-boolean", DOC ("specialize", ESC, "      <IEHardenAdmin>@@ESC@@</IEHardenAdmin>\n"),
    { "5:7: warning: “IEHardenAdmin” contains “@@ESC@@”, which looks like an unrendered template placeholder" } },
  { "placeholder-line", DOC ("specialize", ESC, "      <IEHardenAdmin>false</IEHardenAdmin>\n      @@EXTRA_SETTINGS@@\n"),
    { "6:7: warning: “@@EXTRA_SETTINGS@@” between elements looks like an unrendered template placeholder" } },
  { "placeholder-language", HEAD "  <settings pass=\"specialize\">\n"
    "    <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" "
    "language=\"{{lang}}\">\n" END_COMP END,
    { "4:112: warning: language “{{lang}}” looks like an unrendered template placeholder" } },
  /* servicing */
  { "package-action", HEAD "  <servicing>\n    <package action=\"upgrade\">\n"
    "      <assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\"/>\n    </package>\n  </servicing>\n</unattend>\n",
    { "4:14: error: package action “upgrade” is not one of install, configure, remove, stage" } },
  { "package-identity", HEAD "  <servicing>\n    <package action=\"install\">\n"
    "      <source location=\"D:\\packages\\x.cab\"/>\n    </package>\n  </servicing>\n</unattend>\n",
    { "4:5: error: package has no <assemblyIdentity>" } },
};

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule = data;
  g_autoptr(UeCatalog) catalog = make_catalog ();
  g_autoptr(GListModel) messages = validate (rule->document, catalog);

  assert_messages (messages, rule->expected);
}

/* ---- no false alarms ---- */

static char *
replace (const char *text,
         const char *what,
         const char *with)
{
  g_auto(GStrv) parts = g_strsplit (text, what, -1);
  return g_strjoinv (with, parts);
}

static const char valid_document[] =
  HEAD
  "  <settings pass=\"specialize\">\n"
  SHELL
  "      <ComputerName>*</ComputerName>\n"
  "      <TimeZone>Pacific Standard Time</TimeZone>\n"
  "      <OEMInformation>\n"
  "        <SupportURL>https://example.com/search?q=%E2%80%9Cwindows%E2%80%9D&amp;x=%SUPPORT%</SupportURL>\n"
  "      </OEMInformation>\n"
  END_COMP
  COMP ("Microsoft-Windows-Shell-Setup", "x86")
  "      <ComputerName>*</ComputerName>\n"
  END_COMP
  ESC
  "      <IEHardenAdmin>false</IEHardenAdmin>\n"
  "      <IEHardenUser>False</IEHardenUser>\n"
  END_COMP
  "  </settings>\n"
  "  <settings pass=\"generalize\"/>\n"
  "  <settings pass=\"oobeSystem\">\n"
  "    <!-- comments anywhere -->\n"
  SHELL
  "      <OOBE>\n"
  "        <HideEULAPage>true</HideEULAPage>\n"
  "        <NetworkLocation> Work </NetworkLocation>\n"
  "        <ProtectYourPC>3</ProtectYourPC>\n"
  "      </OOBE>\n"
  "      <UserAccounts>\n"
  "        <AdministratorPassword>\n"
  "          <Value>HIDDEN_ADMIN</Value>\n"
  "          <PlainText>false</PlainText>\n"
  "        </AdministratorPassword>\n"
  "        <LocalAccounts>\n"
  "          <LocalAccount wcm:action=\"add\">\n"
  "            <Name>admin2</Name>\n"
  "            <Group>Administrators</Group>\n"
  "            <Password>\n"
  "              <Value>HIDDEN_EMPTY</Value>\n"
  "              <PlainText>false</PlainText>\n"
  "            </Password>\n"
  "          </LocalAccount>\n"
  "          <LocalAccount wcm:action=\"add\">\n"
  "            <Name>Admin3</Name>\n"
  "            <Password><Value>P%ss%word 100%</Value><PlainText>true</PlainText></Password>\n"
  "          </LocalAccount>\n"
  "          <LocalAccount wcm:action=\"add\" wcm:keyValue=\"guest2\">\n"
  "            <Group>Guests</Group>\n"
  "          </LocalAccount>\n"
  "        </LocalAccounts>\n"
  "      </UserAccounts>\n"
  "      <FirstLogonCommands>\n"
  "        <SynchronousCommand wcm:action=\"add\">\n"
  "          <Order>1</Order>\n"
  "          <CommandLine>cmd /c echo %WINDIR% %SystemDrive% %ProgramFiles(x86)% &amp;&amp; "
  "for %%i in (a b) do echo %%i %CUSTOM% %~dp0 %date:~-4%</CommandLine>\n"
  "          <Description>Show 50% of %PATH%</Description>\n"
  "        </SynchronousCommand>\n"
  "        <SynchronousCommand wcm:action=\"add\">\n"
  "          <Order>2</Order>\n"
  "          <CommandLine>powershell -Command \"Write-Host ${env:TEMP} ${name} {{0}}\"</CommandLine>\n"
  "        </SynchronousCommand>\n"
  "        <SynchronousCommand wcm:action=\"modify\">\n"
  "          <Order>7</Order>\n"
  "          <CommandLine>C:\\Windows\\Setup\\Scripts\\x.cmd</CommandLine>\n"
  "        </SynchronousCommand>\n"
  "      </FirstLogonCommands>\n"
  "      <Display>\n"
  "        <ColorDepth>32</ColorDepth>\n"
  "      </Display>\n"
  "      <TimeZone/>\n"
  END_COMP
  "  </settings>\n"
  "  <settings pass=\"windowsPE\">\n"
  COMP ("Microsoft-Windows-PnpCustomizationsWinPE", "amd64")
  "      <DriverPaths>\n"
  "        <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">\n"
  "          <Path>%configsetroot%\\Drivers</Path>\n"
  "        </PathAndCredentials>\n"
  "        <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"2\">\n"
  "          <Path>\\\\server\\share\\%PROCESSOR_ARCHITECTURE%</Path>\n"
  "          <Credentials><Domain>CORP</Domain></Credentials>\n"
  "        </PathAndCredentials>\n"
  "      </DriverPaths>\n"
  END_COMP
  "  </settings>\n"
  "  <Extensions xmlns=\"https://example.com/unattend-generator/\">\n"
  "    <File path=\"C:\\Windows\\Setup\\Scripts\\x.ps1\">Write-Host ${name} @@x@@</File>\n"
  "  </Extensions>\n"
  "  <cpi:offlineImage cpi:source=\"wim:C:/images/install.wim#Windows Server 2008 SERVERSTANDARD\" "
  "xmlns:cpi=\"urn:schemas-microsoft-com:cpi\"/>\n"
  "</unattend>\n";

static void
test_valid (void)
{
  g_autoptr(UeCatalog) catalog = make_catalog ();
  g_autofree char *admin = ue_secret_encode ("AdministratorPassword", "S3cret!");
  g_autofree char *empty = ue_secret_encode ("Password", "");
  g_autofree char *step = replace (valid_document, "HIDDEN_ADMIN", admin);
  g_autofree char *text = replace (step, "HIDDEN_EMPTY", empty);
  g_autoptr(GListModel) messages = validate (text, catalog);
  const char *none[] = { NULL };

  assert_messages (messages, none);
}

/* with no usable catalog only the structure is checked: no "unknown component" */
static void
test_empty_catalog (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  g_autoptr(GListModel) messages = validate (DOC ("specialize", ESC, "      <Anything>x</Anything>\n"), catalog);
  g_autoptr(GListModel) broken = validate (DOC ("specialize", COMP ("Microsoft-Windows-IE-ESC", "x64"), ""), catalog);
  const char *none[] = { NULL };
  const char *arch[] = {
    "4:48: error: processorArchitecture “x64” is not one of x86, amd64, wow64, arm64, ia64, arm", NULL
  };

  assert_messages (messages, none);
  assert_messages (broken, arch);
}

/* ---- the list model the Messages pane shows ---- */

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_model (void)
{
  g_autoptr(UeCatalog) catalog = make_catalog ();
  g_autoptr(UeValidator) validator = ue_validator_new (catalog);
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (DOC ("oobeSystem", SHELL,
                                          "      <OOBE>\n        <HideEULAPage>yes</HideEULAPage>\n"
                                          "        <SkipMachineOOBE>true</SkipMachineOOBE>\n      </OOBE>\n"));
  GListModel *messages = ue_validator_get_messages (validator);
  g_autoptr(UeMessage) first = NULL;
  UeNode *node;
  guint calls = 0;

  g_assert_true (g_list_model_get_item_type (messages) == UE_TYPE_MESSAGE);
  g_signal_connect (messages, "items-changed", G_CALLBACK (on_items_changed), &calls);

  g_assert_cmpuint (ue_validator_run (validator, doc), ==, 1);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);
  g_assert_cmpuint (ue_validator_get_n_errors (validator), ==, 1);
  g_assert_cmpuint (ue_validator_get_n_warnings (validator), ==, 1);

  /* the message leads to its node: what the Messages pane selects on double-click */
  first = g_list_model_get_item (messages, 0);
  node = ue_message_get_node (first);
  g_assert_true (ue_message_get_document (first) == doc);
  g_assert_cmpstr (ue_node_get_name (node), ==, "HideEULAPage");
  g_assert_cmpstr (ue_message_get_path (first), ==, "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage");
  g_assert_cmpint (ue_message_get_severity (first), ==, UE_MESSAGE_SEVERITY_ERROR);
  g_assert_cmpuint (ue_message_get_line (first), ==, 6);

  /* fixing the value and running again replaces the messages in one change */
  ue_answer_doc_set_text (doc, node, "true");
  g_assert_cmpuint (ue_validator_run (validator, doc), ==, 0);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 1);
  g_assert_cmpuint (ue_validator_get_n_errors (validator), ==, 0);

  ue_validator_clear (validator);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 0);
  g_assert_cmpuint (ue_validator_get_n_warnings (validator), ==, 0);
}

/* the message keeps the document (and so the node) alive */
static void
test_message_keeps_document (void)
{
  g_autoptr(UeCatalog) catalog = make_catalog ();
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(UeMessage) message = NULL;
  UeAnswerDoc *doc = ue_test_doc_load (DOC ("specialize", ESC, "      <IEHardenAdmin>no</IEHardenAdmin>\n"));

  messages = ue_validate_document (doc, catalog);
  message = g_list_model_get_item (messages, 0);
  g_object_add_weak_pointer (G_OBJECT (doc), (gpointer *) &doc);
  g_object_unref (doc);
  g_assert_nonnull (doc);
  g_assert_cmpstr (ue_node_get_name (ue_message_get_node (message)), ==, "IEHardenAdmin");
  g_clear_object (&messages);
  g_clear_object (&message);
  g_assert_null (doc);
}

/* ---- no false alarms on the corpus of real-world-shaped files ---- */

static void
test_corpus_file (gconstpointer data)
{
  const char *file = data;
  const char *data_dir = g_getenv ("UE_TEST_DATA");
  g_autofree char *path = g_build_filename (data_dir, "answer", file, NULL);
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(GListModel) messages = NULL;
  guint n_errors = 0;

  g_assert_cmpuint (ue_catalog_get_components (catalog)->len, >, 0);
  doc = ue_answer_doc_new_from_file (path, &error);
  g_assert_no_error (error);
  messages = ue_validate_document (doc, catalog);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);

      g_test_message ("%s", line);
      if (ue_message_get_severity (message) == UE_MESSAGE_SEVERITY_ERROR)
        n_errors++;
    }
  g_assert_cmpuint (n_errors, ==, 0);
}

/* the names live as long as the test run: the data of the test cases (kept in a static,
 * so that LeakSanitizer sees them reachable) */
static char **corpus_files;

static void
add_corpus_tests (void)
{
  const char *data_dir = g_getenv ("UE_TEST_DATA");
  g_autofree char *list_path = NULL;
  g_autofree char *list = NULL;

  if (data_dir == NULL)
    return;
  list_path = g_build_filename (data_dir, "answer", "valid.txt", NULL);
  if (!g_file_get_contents (list_path, &list, NULL, NULL))
    return;
  corpus_files = g_strsplit_set (list, "\r\n", -1);
  for (guint i = 0; corpus_files[i] != NULL; i++)
    {
      g_autofree char *test_path = NULL;

      g_strstrip (corpus_files[i]);
      if (corpus_files[i][0] == '\0' || corpus_files[i][0] == '#')
        continue;
      test_path = g_strdup_printf ("/core/validator/corpus/%s", corpus_files[i]);
      g_test_add_data_func (test_path, corpus_files[i], test_corpus_file);
    }
}

/* the whole table, as the definition has it */
static guint
reference_distance (const char *a,
                    const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *table = g_new (guint, (la + 1) * (lb + 1));

  for (gsize i = 0; i <= la; i++)
    for (gsize j = 0; j <= lb; j++)
      if (i == 0 || j == 0)
        table[i * (lb + 1) + j] = i + j;
      else
        table[i * (lb + 1) + j] = MIN (MIN (table[(i - 1) * (lb + 1) + j] + 1, table[i * (lb + 1) + j - 1] + 1),
                                       table[(i - 1) * (lb + 1) + j - 1] +
                                       (g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1])));
  return table[la * (lb + 1) + lb];
}

static const char *
string_name (gconstpointer item)
{
  return item;
}

/* the suggestion search skips (a common start and end, a length gap, cells far from
 * the diagonal, rows past the limit) and still picks what comparing full tables picks */
static void
test_closest_name (void)
{
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  static const char letters[] = "abcAB-";
  guint found = 0;

  for (guint i = 0; i < 60; i++)
    {
      /* half of them share a start, as components share "Microsoft-Windows-" */
      GString *s = g_string_new (i % 2 ? "Pre-" : NULL);
      for (guint n = g_rand_int_range (rand, 0, 14); n > 0; n--)
        g_string_append_c (s, letters[g_rand_int_range (rand, 0, sizeof letters - 1)]);
      g_ptr_array_add (candidates, g_string_free (s, FALSE));
    }
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) name = g_string_new (round % 2 ? "pre-" : NULL);
      const char *expected = NULL;
      guint best = 0;

      for (guint n = g_rand_int_range (rand, 0, 16); n > 0; n--)
        g_string_append_c (name, letters[g_rand_int_range (rand, 0, sizeof letters - 1)]);
      best = MAX (name->len / 3, 1) + 1;
      for (guint i = 0; i < candidates->len; i++)
        {
          guint d = reference_distance (name->str, candidates->pdata[i]);
          if (d < best)
            {
              best = d;
              expected = candidates->pdata[i];
            }
        }
      g_assert_true (_ue_closest_name (name->str, candidates, string_name) == expected);
      found += expected != NULL;
    }
  /* both outcomes were tried */
  g_assert_cmpuint (found, >, 100);
  g_assert_cmpuint (found, <, 1900);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/validator/rule/%s", rule_cases[i].name);
      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  g_test_add_func ("/core/validator/valid", test_valid);
  g_test_add_func ("/core/validator/empty-catalog", test_empty_catalog);
  g_test_add_func ("/core/validator/model", test_model);
  g_test_add_func ("/core/validator/message-keeps-document", test_message_keeps_document);
  g_test_add_func ("/core/validator/closest-name", test_closest_name);
  add_corpus_tests ();
  status = g_test_run ();
  g_clear_pointer (&corpus_files, g_strfreev);
  return status;
}
