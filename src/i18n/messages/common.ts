// Strings shared by every page. Each area of the product has its own file beside this one.
export const common = {
  ko: {
    'app.name': 'Meetgrid',
    'common.save': '저장',
    'common.cancel': '취소',
    'common.delete': '삭제',
    'common.back': '뒤로',
    'common.language': '언어',
  },
  en: {
    'app.name': 'Meetgrid',
    'common.save': 'Save',
    'common.cancel': 'Cancel',
    'common.delete': 'Delete',
    'common.back': 'Back',
    'common.language': 'Language',
  },
} as const;
