/* catalog.c — what may be set: components, their settings, packages (read-only model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "catalog.h"

#include <string.h>

G_DEFINE_QUARK (ue-catalog-error-quark, ue_catalog_error)

/* ---- SettingDef ---- */

G_DEFINE_BOXED_TYPE (UeSettingDef, ue_setting_def, ue_setting_def_ref, ue_setting_def_unref)

UeSettingDef *
ue_setting_def_new (const char    *name,
                    UeSettingKind  kind)
{
  UeSettingDef *def;

  g_return_val_if_fail (name != NULL, NULL);

  def = g_new0 (UeSettingDef, 1);
  g_atomic_ref_count_init (&def->ref_count);
  def->name = g_strdup (name);
  def->path = g_strdup (name);
  def->kind = kind;
  def->value_type = kind == UE_SETTING_KIND_SIMPLE ? UE_VALUE_TYPE_STRING : UE_VALUE_TYPE_NONE;
  def->min_length = -1;
  def->max_length = -1;
  def->visible = TRUE;
  def->children = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_setting_def_unref);
  return def;
}

UeSettingDef *
ue_setting_def_ref (UeSettingDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  g_atomic_ref_count_inc (&def->ref_count);
  return def;
}

void
ue_setting_def_unref (UeSettingDef *def)
{
  g_return_if_fail (def != NULL);
  if (!g_atomic_ref_count_dec (&def->ref_count))
    return;
  g_free (def->name);
  g_free (def->path);
  g_free (def->xsd_type);
  g_strfreev (def->enum_values);
  g_free (def->pattern);
  g_free (def->default_value);
  g_free (def->key);
  g_free (def->display_name);
  g_free (def->description);
  g_free (def->applies_to);
  g_ptr_array_unref (def->children);
  g_free (def);
}

static void
setting_def_set_path (UeSettingDef *def,
                      const char   *parent_path)
{
  char *path = parent_path ? g_strconcat (parent_path, "/", def->name, NULL) : g_strdup (def->name);

  /* the paths below a path that stays are right already: a tree built from the top
   * down costs one path per setting */
  if (g_strcmp0 (path, def->path) == 0)
    {
      g_free (path);
      return;
    }
  g_free (def->path);
  def->path = path;
  for (guint i = 0; i < def->children->len; i++)
    setting_def_set_path (g_ptr_array_index (def->children, i), def->path);
}

void
ue_setting_def_add_child (UeSettingDef *def,
                          UeSettingDef *child)
{
  g_return_if_fail (def != NULL);
  g_return_if_fail (child != NULL);

  child->parent = def;
  setting_def_set_path (child, def->path);
  g_ptr_array_add (def->children, ue_setting_def_ref (child));
}

UeSettingDef *
ue_setting_def_find_child (const UeSettingDef *def,
                           const char         *name)
{
  g_return_val_if_fail (def != NULL, NULL);
  for (guint i = 0; i < def->children->len; i++)
    {
      UeSettingDef *child = g_ptr_array_index (def->children, i);
      if (strcmp (child->name, name) == 0)
        return child;
    }
  return NULL;
}

gboolean
ue_setting_def_is_password (const UeSettingDef *def)
{
  static const char * const names[] = {
    "Password", "AdministratorPassword", "OfflineAdministratorPassword", NULL
  };

  g_return_val_if_fail (def != NULL, FALSE);
  return def->kind != UE_SETTING_KIND_SIMPLE &&
         g_strv_contains (names, def->name) &&
         ue_setting_def_find_child (def, "Value") != NULL;
}

static const char * const value_type_names[] = { "none", "string", "boolean", "integer", "enum" };

const char *
ue_value_type_to_string (UeValueType type)
{
  g_return_val_if_fail (type <= UE_VALUE_TYPE_ENUM, NULL);
  return value_type_names[type];
}

UeValueType
ue_value_type_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_type_names); i++)
    if (g_strcmp0 (name, value_type_names[i]) == 0)
      return i;
  return UE_VALUE_TYPE_STRING;
}

const char *
ue_setting_kind_to_string (UeSettingKind kind)
{
  static const char * const names[] = { "simple", "complex", "list" };
  g_return_val_if_fail (kind <= UE_SETTING_KIND_LIST, NULL);
  return names[kind];
}

/* ---- ComponentDef ---- */

G_DEFINE_BOXED_TYPE (UeComponentDef, ue_component_def, ue_component_def_ref, ue_component_def_unref)

UeComponentDef *
ue_component_def_new (const char *name,
                      const char *arch)
{
  UeComponentDef *def;

  g_return_val_if_fail (name != NULL, NULL);

  def = g_new0 (UeComponentDef, 1);
  g_atomic_ref_count_init (&def->ref_count);
  def->name = g_strdup (name);
  def->arch = g_strdup (arch ? arch : "neutral");
  def->settings = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_setting_def_unref);
  return def;
}

UeComponentDef *
ue_component_def_ref (UeComponentDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  g_atomic_ref_count_inc (&def->ref_count);
  return def;
}

void
ue_component_def_unref (UeComponentDef *def)
{
  g_return_if_fail (def != NULL);
  if (!g_atomic_ref_count_dec (&def->ref_count))
    return;
  g_free (def->name);
  g_free (def->arch);
  g_free (def->version);
  g_free (def->public_key_token);
  g_free (def->language);
  g_free (def->version_scope);
  g_free (def->description);
  g_ptr_array_unref (def->settings);
  g_free (def);
}

void
ue_component_def_add_setting (UeComponentDef *def,
                              UeSettingDef   *setting)
{
  g_return_if_fail (def != NULL);
  g_return_if_fail (setting != NULL);

  setting->parent = NULL;
  setting_def_set_path (setting, NULL);
  g_ptr_array_add (def->settings, ue_setting_def_ref (setting));
}

static UeSettingDef *
find_in (GPtrArray  *defs,
         const char *name,
         gsize       len)
{
  for (guint i = 0; i < defs->len; i++)
    {
      UeSettingDef *d = g_ptr_array_index (defs, i);
      if (strlen (d->name) == len && strncmp (d->name, name, len) == 0)
        return d;
    }
  return NULL;
}

UeSettingDef *
ue_component_def_lookup (const UeComponentDef *def,
                         const char           *path)
{
  GPtrArray *level;
  UeSettingDef *found = NULL;
  const char *p;

  g_return_val_if_fail (def != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  level = def->settings;
  p = path;
  while (*p != '\0')
    {
      const char *end = p;
      gsize len;

      /* the name ends at '/' or '['; a bracketed key may itself hold '/' */
      while (*end != '\0' && *end != '/' && *end != '[')
        end++;
      len = end - p;
      if (*end == '[')
        {
          end = strchr (end, ']');
          if (end == NULL)
            return NULL;
          end++;
        }
      if (len == 0 || level == NULL)
        return NULL;
      found = find_in (level, p, len);
      if (found == NULL)
        return NULL;
      level = found->children;
      p = *end == '/' ? end + 1 : end;
    }
  return found;
}

char *
ue_component_def_dup_display_name (const UeComponentDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  return g_strdup_printf ("%s_%s_%s_%s", def->arch, def->name,
                          def->version ? def->version : "0.0.0.0",
                          def->language ? def->language : "neutral");
}

/* ---- PackageDef ---- */

G_DEFINE_BOXED_TYPE (UePackageDef, ue_package_def, ue_package_def_ref, ue_package_def_unref)

UePackageDef *
ue_package_def_new (const char *name)
{
  UePackageDef *def;

  g_return_val_if_fail (name != NULL, NULL);

  def = g_new0 (UePackageDef, 1);
  g_atomic_ref_count_init (&def->ref_count);
  def->name = g_strdup (name);
  def->features = g_new0 (char *, 1);
  return def;
}

UePackageDef *
ue_package_def_ref (UePackageDef *def)
{
  g_return_val_if_fail (def != NULL, NULL);
  g_atomic_ref_count_inc (&def->ref_count);
  return def;
}

void
ue_package_def_unref (UePackageDef *def)
{
  g_return_if_fail (def != NULL);
  if (!g_atomic_ref_count_dec (&def->ref_count))
    return;
  g_free (def->name);
  g_free (def->arch);
  g_free (def->version);
  g_free (def->public_key_token);
  g_free (def->language);
  g_free (def->release_type);
  g_strfreev (def->features);
  g_free (def);
}

/* ---- Catalog ---- */

struct _UeCatalog
{
  GObject          parent_instance;

  UeCatalogSource  source;
  GPtrArray       *components;   /* UeComponentDef*, kept sorted lazily */
  GPtrArray       *packages;     /* UePackageDef* */
  gboolean         sorted;
};

G_DEFINE_FINAL_TYPE (UeCatalog, ue_catalog, G_TYPE_OBJECT)

static void
ue_catalog_finalize (GObject *object)
{
  UeCatalog *self = UE_CATALOG (object);

  g_free (self->source.path);
  g_free (self->source.wim_guid);
  g_free (self->source.image_name);
  g_free (self->source.build);
  g_free (self->source.arch);
  g_clear_pointer (&self->components, g_ptr_array_unref);
  g_clear_pointer (&self->packages, g_ptr_array_unref);

  G_OBJECT_CLASS (ue_catalog_parent_class)->finalize (object);
}

static void
ue_catalog_class_init (UeCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ue_catalog_finalize;
}

static void
ue_catalog_init (UeCatalog *self)
{
  self->components = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_component_def_unref);
  self->packages = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_package_def_unref);
  self->sorted = TRUE;
}

UeCatalog *
ue_catalog_new (UeCatalogSourceKind kind)
{
  UeCatalog *self = g_object_new (UE_TYPE_CATALOG, NULL);
  self->source.kind = kind;
  return self;
}

const UeCatalogSource *
ue_catalog_get_source (UeCatalog *self)
{
  g_return_val_if_fail (UE_IS_CATALOG (self), NULL);
  return &self->source;
}

UeCatalogSource *
ue_catalog_get_source_mutable (UeCatalog *self)
{
  g_return_val_if_fail (UE_IS_CATALOG (self), NULL);
  return &self->source;
}

static int
compare_components (gconstpointer a,
                    gconstpointer b)
{
  const UeComponentDef *ca = *(UeComponentDef * const *) a;
  const UeComponentDef *cb = *(UeComponentDef * const *) b;
  int r = g_ascii_strcasecmp (ca->name, cb->name);
  return r != 0 ? r : g_strcmp0 (ca->arch, cb->arch);
}

static int
compare_packages (gconstpointer a,
                  gconstpointer b)
{
  const UePackageDef *pa = *(UePackageDef * const *) a;
  const UePackageDef *pb = *(UePackageDef * const *) b;
  int r = g_ascii_strcasecmp (pa->name, pb->name);
  if (r == 0)
    r = g_strcmp0 (pa->arch, pb->arch);
  return r != 0 ? r : g_strcmp0 (pa->version, pb->version);
}

static void
catalog_sort (UeCatalog *self)
{
  if (self->sorted)
    return;
  g_ptr_array_sort (self->components, compare_components);
  g_ptr_array_sort (self->packages, compare_packages);
  self->sorted = TRUE;
}

void
ue_catalog_add_component (UeCatalog      *self,
                          UeComponentDef *def)
{
  g_return_if_fail (UE_IS_CATALOG (self));
  g_return_if_fail (def != NULL);

  for (guint i = 0; i < self->components->len; i++)
    {
      UeComponentDef *old = g_ptr_array_index (self->components, i);
      if (g_ascii_strcasecmp (old->name, def->name) == 0 && g_strcmp0 (old->arch, def->arch) == 0)
        {
          g_ptr_array_index (self->components, i) = ue_component_def_ref (def);
          ue_component_def_unref (old);
          return;
        }
    }
  g_ptr_array_add (self->components, ue_component_def_ref (def));
  self->sorted = FALSE;
}

void
ue_catalog_add_package (UeCatalog    *self,
                        UePackageDef *def)
{
  g_return_if_fail (UE_IS_CATALOG (self));
  g_return_if_fail (def != NULL);
  g_ptr_array_add (self->packages, ue_package_def_ref (def));
  self->sorted = FALSE;
}

GPtrArray *
ue_catalog_get_components (UeCatalog *self)
{
  g_return_val_if_fail (UE_IS_CATALOG (self), NULL);
  catalog_sort (self);
  return self->components;
}

GPtrArray *
ue_catalog_get_packages (UeCatalog *self)
{
  g_return_val_if_fail (UE_IS_CATALOG (self), NULL);
  catalog_sort (self);
  return self->packages;
}

UeComponentDef *
ue_catalog_find_component (UeCatalog  *self,
                           const char *name,
                           const char *arch)
{
  UeComponentDef *any = NULL;

  g_return_val_if_fail (UE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->components->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (self->components, i);

      if (g_ascii_strcasecmp (def->name, name) != 0)
        continue;
      if (arch != NULL)
        {
          if (g_strcmp0 (def->arch, arch) == 0)
            return def;
          continue;
        }
      if (g_strcmp0 (def->arch, "amd64") == 0)
        return def;
      if (any == NULL)
        any = def;
    }
  return any;
}
