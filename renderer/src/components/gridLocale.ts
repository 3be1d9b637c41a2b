import { useTranslation } from 'react-i18next';
import { esES, enUS } from '@mui/x-data-grid/locales';
import type { GridLocaleText } from '@mui/x-data-grid';

/** DataGrid's own strings (pagination, sorting) in the app's language. */
export function useGridLocale(): Partial<GridLocaleText> {
  const { i18n } = useTranslation();
  return (i18n.language === 'es' ? esES : enUS).components.MuiDataGrid.defaultProps.localeText;
}
