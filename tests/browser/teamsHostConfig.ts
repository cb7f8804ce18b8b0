/**
 * A host config close to Microsoft Teams' light theme (Segoe UI, Teams
 * purple accent, its semantic colours), so screenshots look like the card in
 * Teams. Approximate by design: Teams owns the real one.
 */
const foreground = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#ffffff', subtle: '#f3f2f1' },
  accent: { default: '#5b5fc7', subtle: '#8b8cc7' },
  good: { default: '#237b4b', subtle: '#4a9c6e' },
  warning: { default: '#c4661f', subtle: '#d4853f' },
  attention: { default: '#c4314b', subtle: '#d4546b' },
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: foreground });

export const TEAMS_LIGHT_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'DejaVu Sans', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e1dfdd' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: style('#ffffff'),
    emphasis: style('#f5f5f5'),
    accent: style('#e8ebfa'),
    good: style('#e7f2da'),
    attention: style('#fcf4f6'),
    warning: style('#fbf6d9'),
  },
  actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 16 }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  adaptiveCard: { allowCustomStyle: true },
  inputs: { label: { requiredInputs: { weight: 'bolder' }, optionalInputs: { weight: 'bolder' } } },
};
