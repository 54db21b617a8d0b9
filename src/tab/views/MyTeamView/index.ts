export { MyTeamView } from './MyTeamView';
