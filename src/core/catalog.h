/* catalog.h — what may be set: components, their settings, packages (read-only model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A UeCatalog comes from one of three sources — an image (WIM/ESD), a saved catalog
 * file, or the embedded default catalog — and is the same model in all three cases.
 * Definitions are immutable refcounted boxed structs: build them, add them, then only
 * read them. The fields are public for reading; never write them after the def has
 * been added to a catalog.
 */
#pragma once

#include <gio/gio.h>

#include "passes.h"

G_BEGIN_DECLS

typedef enum
{
  UE_SETTING_KIND_SIMPLE,   /* holds text */
  UE_SETTING_KIND_COMPLEX,  /* holds child settings */
  UE_SETTING_KIND_LIST,     /* repeating item written with wcm:action; may hold children or text */
} UeSettingKind;

typedef enum
{
  UE_VALUE_TYPE_NONE,       /* a container: no text of its own */
  UE_VALUE_TYPE_STRING,
  UE_VALUE_TYPE_BOOLEAN,
  UE_VALUE_TYPE_INTEGER,    /* any xsd integer kind; xsd_type says which, min/max bound it */
  UE_VALUE_TYPE_ENUM,       /* one of enum_values */
} UeValueType;

typedef struct _UeSettingDef UeSettingDef;
typedef struct _UeComponentDef UeComponentDef;
typedef struct _UePackageDef UePackageDef;

struct _UeSettingDef
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char          *name;           /* element name, e.g. "AdministratorPassword" */
  char          *path;           /* below the component, '/'-joined, e.g. "UserAccounts/AdministratorPassword" */
  UeSettingKind  kind;
  UeValueType    value_type;
  char          *xsd_type;       /* the schema's base type name without prefix ("string", "unsignedInt", …) or NULL */
  GStrv          enum_values;    /* NULL unless value_type is ENUM */
  gboolean       has_min;
  gint64         min;            /* inclusive; exclusive bounds are stored as inclusive */
  gboolean       has_max;
  gint64         max;
  gint           min_length;     /* -1 when not restricted */
  gint           max_length;     /* -1 when not restricted */
  char          *pattern;        /* xsd:pattern or NULL */
  char          *default_value;  /* NULL when the schema names none */
  UePassFlags    passes;         /* allowed passes; inherited from the top-level element */
  char          *key;            /* lists: key child name, "@keyValue" for wcm:keyValue, or NULL */
  gboolean       visible;        /* FALSE: accepted when met, never offered */
  gboolean       deprecated;
  char          *display_name;   /* NULL: use name */
  char          *description;    /* NULL when unknown */
  char          *applies_to;     /* version tokens ("WS2008 Win7"), NULL when unstated */
  GPtrArray     *children;       /* UeSettingDef*, in schema order; never NULL */
  UeSettingDef  *parent;         /* weak; NULL for top-level settings */
};

struct _UeComponentDef
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char       *name;              /* "Microsoft-Windows-Shell-Setup" */
  char       *arch;              /* "amd64", "x86", "wow64", "arm64", … */
  char       *version;           /* "6.0.6001.18000" or NULL */
  char       *public_key_token;  /* "31bf3856ad364e35" */
  char       *language;          /* "neutral" */
  char       *version_scope;     /* "nonSxS" or NULL */
  char       *description;       /* a short summary or NULL */
  GPtrArray  *settings;          /* top-level UeSettingDef*, never NULL */
  guint       n_hidden;          /* settings without any pass: counted, kept out of the tree */
};

struct _UePackageDef
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char *name;
  char *arch;
  char *version;
  char *public_key_token;
  char *language;
  char *release_type;            /* "Feature Pack", "Language Pack", "Update", … or NULL */
  GStrv features;                /* selectable features (update names); never NULL */
};

/* SettingDef */
#define UE_TYPE_SETTING_DEF (ue_setting_def_get_type ())
GType          ue_setting_def_get_type      (void) G_GNUC_CONST;
UeSettingDef  *ue_setting_def_new           (const char     *name,
                                             UeSettingKind   kind);
UeSettingDef  *ue_setting_def_ref           (UeSettingDef   *def);
void           ue_setting_def_unref         (UeSettingDef   *def);
/* takes a reference; sets child->parent and child->path from the parent's path */
void           ue_setting_def_add_child     (UeSettingDef   *def,
                                             UeSettingDef   *child);
UeSettingDef  *ue_setting_def_find_child    (const UeSettingDef *def,
                                             const char     *name);
/* Password-like containers: <X><Value/><PlainText/></X> with X one of FORMATS.md's names */
gboolean       ue_setting_def_is_password   (const UeSettingDef *def);
const char    *ue_value_type_to_string      (UeValueType     type);
UeValueType    ue_value_type_from_string    (const char     *name);
const char    *ue_setting_kind_to_string    (UeSettingKind   kind);

/* ComponentDef */
#define UE_TYPE_COMPONENT_DEF (ue_component_def_get_type ())
GType            ue_component_def_get_type     (void) G_GNUC_CONST;
UeComponentDef  *ue_component_def_new          (const char     *name,
                                                const char     *arch);
UeComponentDef  *ue_component_def_ref          (UeComponentDef *def);
void             ue_component_def_unref        (UeComponentDef *def);
void             ue_component_def_add_setting  (UeComponentDef *def,
                                                UeSettingDef   *setting);
/* path below the component: "UserAccounts/LocalAccounts/LocalAccount/Name"; list keys
 * in brackets ("LocalAccount[Name=x]") are ignored. NULL if unknown. */
UeSettingDef    *ue_component_def_lookup       (const UeComponentDef *def,
                                                const char     *path);
/* WSIM's row text: "amd64_Microsoft-Windows-IE-ESC_6.0.6001.18000_neutral" */
char            *ue_component_def_dup_display_name (const UeComponentDef *def);

/* PackageDef */
#define UE_TYPE_PACKAGE_DEF (ue_package_def_get_type ())
GType          ue_package_def_get_type  (void) G_GNUC_CONST;
UePackageDef  *ue_package_def_new       (const char   *name);
UePackageDef  *ue_package_def_ref       (UePackageDef *def);
void           ue_package_def_unref     (UePackageDef *def);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeSettingDef, ue_setting_def_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeComponentDef, ue_component_def_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UePackageDef, ue_package_def_unref)

/* Where a catalog came from, so the GUI can find the image again. */
typedef enum
{
  UE_CATALOG_SOURCE_EMBEDDED,
  UE_CATALOG_SOURCE_FILE,
  UE_CATALOG_SOURCE_IMAGE,
} UeCatalogSourceKind;

typedef struct
{
  UeCatalogSourceKind kind;
  char   *path;            /* image or catalog file; NULL for embedded */
  char   *wim_guid;        /* 32 hex digits or NULL */
  guint   image_index;     /* 1-based; 0 when not from an image */
  char   *image_name;
  char   *build;           /* "6.0.6001.18000" / "26100" or NULL */
  char   *arch;
  guint   manifests;       /* manifests seen */
  guint   compressed;      /* DCM manifests seen */
  guint   decoded;         /* DCM manifests decoded */
  guint   failed;          /* manifests that could not be read */
} UeCatalogSource;

#define UE_CATALOG_ERROR (ue_catalog_error_quark ())
typedef enum
{
  UE_CATALOG_ERROR_NOT_FOUND,
  UE_CATALOG_ERROR_CORRUPT,     /* not a catalog file, truncated, foreign */
  UE_CATALOG_ERROR_VERSION,     /* a newer catalog format */
  UE_CATALOG_ERROR_FAILED,
} UeCatalogError;
GQuark ue_catalog_error_quark (void);

#define UE_TYPE_CATALOG (ue_catalog_get_type ())
G_DECLARE_FINAL_TYPE (UeCatalog, ue_catalog, UE, CATALOG, GObject)

UeCatalog             *ue_catalog_new                 (UeCatalogSourceKind kind);
const UeCatalogSource *ue_catalog_get_source          (UeCatalog      *self);
/* writable while building; the catalog copies nothing, the strings are g_free'd with it */
UeCatalogSource       *ue_catalog_get_source_mutable  (UeCatalog      *self);
/* takes a reference; a second def with the same name+arch replaces the first */
void                   ue_catalog_add_component       (UeCatalog      *self,
                                                       UeComponentDef *def);
void                   ue_catalog_add_package         (UeCatalog      *self,
                                                       UePackageDef   *def);
/* sorted by name (case-insensitive), then arch; (element-type UeComponentDef) */
GPtrArray             *ue_catalog_get_components      (UeCatalog      *self);
GPtrArray             *ue_catalog_get_packages        (UeCatalog      *self);
/* names compare case-insensitively as Windows does; arch NULL: amd64 if present, else any */
UeComponentDef        *ue_catalog_find_component      (UeCatalog      *self,
                                                       const char     *name,
                                                       const char     *arch);
/* the embedded default catalog (shared, loaded once; transfer full) */
UeCatalog             *ue_catalog_get_default         (void);

G_END_DECLS
