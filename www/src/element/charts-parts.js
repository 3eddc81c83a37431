// Stage 2 of ECharts (see charts-lib.js): the word cloud (it registers itself), and the chart
// types and components the charts use.
import 'echarts-wordcloud';
export { BarChart, LineChart } from 'echarts/charts';
export { GridComponent, TooltipComponent, TitleComponent, LegendComponent } from 'echarts/components';
